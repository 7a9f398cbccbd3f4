/**
 * Arrow-key navigation for lists, on top of the Tab order the native buttons already give: Up/Down (and
 * Home/End) move between the `[data-nav-item]` elements of the nearest `[data-nav-scope]`, Left/Right between
 * the buttons of one row (`[data-nav-row]`). Delegated from the root, so re-rendering needs no re-binding.
 */
export function installListNavigation(root: HTMLElement): void {
  root.addEventListener('keydown', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || event.altKey || event.ctrlKey || event.metaKey) return;
    if (target.closest('input, select, textarea') && !(event.key === 'ArrowDown' && target.matches('input[type="search"]'))) return;
    const scope = target.closest<HTMLElement>('[data-nav-scope]') ?? (target.matches('input[type="search"]') ? root.querySelector<HTMLElement>('[data-nav-scope]') : null);
    if (!scope) return;
    const items = Array.from(scope.querySelectorAll<HTMLElement>('[data-nav-item]'));
    // From a secondary button of a row (e.g. "Fix"), Up/Down continue from the row's main item.
    const rowItem = target.closest('[data-nav-row]')?.querySelector<HTMLElement>('[data-nav-item]');
    const index = items.indexOf(items.includes(target) ? target : rowItem ?? target);
    let next: HTMLElement | undefined;
    switch (event.key) {
      case 'ArrowDown': next = index < 0 ? items[0] : items[index + 1]; break;
      case 'ArrowUp': next = index > 0 ? items[index - 1] : undefined; break;
      case 'Home': next = index >= 0 ? items[0] : undefined; break;
      case 'End': next = index >= 0 ? items[items.length - 1] : undefined; break;
      case 'ArrowRight':
      case 'ArrowLeft': {
        const row = target.closest<HTMLElement>('[data-nav-row]');
        if (!row) return;
        const buttons = Array.from(row.querySelectorAll<HTMLElement>('button'));
        const at = buttons.indexOf(target);
        next = buttons[at + (event.key === 'ArrowRight' ? 1 : -1)];
        break;
      }
      default: return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
      next.scrollIntoView({ block: 'nearest' });
    }
  });
}
