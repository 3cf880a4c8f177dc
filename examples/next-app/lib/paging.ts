/** Projects per page of the list; small, so that the demo data has several pages. */
export const PAGE_SIZE = 5;
