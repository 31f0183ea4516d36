import { AssetList } from './AssetList';
import { ConfigDetails } from './ConfigDetails';
import { ConfigList } from './ConfigList';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <section className="sidebar-section" aria-labelledby="configs-heading">
        <h2 id="configs-heading">Playback configurations</h2>
        <ConfigList />
        <ConfigDetails />
      </section>
      <section className="sidebar-section" aria-labelledby="assets-heading">
        <h2 id="assets-heading">Demo content</h2>
        <AssetList />
      </section>
    </aside>
  );
}
