/**
 * Entry point of the webview bundle (`dist/webview/panel.js`). One bundle serves all three views; the page's
 * `data-view` attribute, written by the extension, picks which one to mount. Data arrives only by message.
 */
import { post, onHostMessage } from './host';
import { installListNavigation } from './keyboard';
import { LineageApp } from './lineageView';
import { MarketplaceApp } from './marketplaceView';
import { ScoreApp } from './scoreView';

const root = document.getElementById('app');
if (root) {
  const view = document.body.dataset.view;
  const app = view === 'marketplace' ? new MarketplaceApp(root) : view === 'lineage' ? new LineageApp(root) : new ScoreApp(root);
  installListNavigation(root);
  onHostMessage((message) => app.receive(message));
  post({ type: 'ready' });
}
