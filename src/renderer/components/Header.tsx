import { DemoProgress } from './DemoProgress';
import { StatusPill } from './StatusPill';

export function Header() {
  return (
    <header className="app-header">
      <h1 className="brand">Stitchbench</h1>
      <StatusPill />
      <DemoProgress />
    </header>
  );
}
