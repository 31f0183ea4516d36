import { DemoProgress } from './DemoProgress';
import { StatusPill } from './StatusPill';
import { ThemeToggle } from './ThemeToggle';
import { HeaderVerdict } from './HeaderVerdict';

export function Header() {
  return (
    <header className="app-header">
      <h1 className="brand">Stitchbench</h1>
      <StatusPill />
      <DemoProgress />
      <HeaderVerdict />
      <ThemeToggle />
    </header>
  );
}
