// Ids that one part of the page uses to reach another. They live apart from the components
// that carry them, so that importing an id never pulls a lazily loaded component into the
// first-load bundle.

/** Id of the selection toolbar, so the article can hand focus to it (see ArticleColumn). */
export const SELECTION_TOOLBAR_ID = 'claim-actions';

/** Id of the shared-claims region, so a click on a shared highlight can bring focus there. */
export const SHARED_REGION_ID = 'shared-claims';

/** Id of the claims panel, for the button that opens it. */
export const CLAIMS_PANEL_ID = 'claims-panel';

/** Attribute on the element that scrolls one report on wide screens (value: the article id). */
export const COLUMN_SCROLLER_ATTRIBUTE = 'data-column';
