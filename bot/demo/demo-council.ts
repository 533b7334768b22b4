/** The demo council's name: the demo plan's title and the board paper's cover when COUNCIL_NAME is not set locally. */
export const DEMO_COUNCIL_NAME = 'Northvale District Council';
