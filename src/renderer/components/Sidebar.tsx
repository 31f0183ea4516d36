import { AssetList } from './AssetList';
import { ConfigActions } from './ConfigActions';
import { ConfigDetails } from './ConfigDetails';
import { ConfigList } from './ConfigList';
import { ContentUrl } from './ContentUrl';
import { PrimetimeBootstrap } from './PrimetimeBootstrap';
import { SessionInitializer } from './SessionInitializer';
import { SessionSetup } from './SessionSetup';

export function Sidebar() {
  return (
    <aside className="sidebar">
      <section className="sidebar-section" aria-labelledby="configs-heading">
        <h2 id="configs-heading">Playback configurations</h2>
        <ConfigList />
        <ConfigActions />
        <ConfigDetails />
      </section>
      <section className="sidebar-section" aria-labelledby="assets-heading">
        <h2 id="assets-heading">Demo content</h2>
        <AssetList />
        <ContentUrl />
      </section>
      <section className="sidebar-section" aria-labelledby="setup-heading">
        <h2 id="setup-heading">Session setup</h2>
        <SessionSetup />
      </section>
      <section className="sidebar-section" aria-labelledby="initializer-heading">
        <h2 id="initializer-heading">Session initializer</h2>
        <SessionInitializer />
      </section>
      <section className="sidebar-section" aria-labelledby="primetime-heading">
        <h2 id="primetime-heading">Primetime bootstrap</h2>
        <PrimetimeBootstrap />
      </section>
    </aside>
  );
}
