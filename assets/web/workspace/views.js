// Every view of the workspace, in the order the section navigation lists them. Each helper keeps
// its own contiguous block of imports so that merges do not collide.
import overview from './views/prepare-overview.js';
import agenda from './views/prepare-agenda.js';
import delegates from './views/prepare-delegates.js';
import seats from './views/prepare-seats.js';
import documents from './views/prepare-documents.js';
import devices from './views/prepare-devices.js';

const prepareViews = [overview, agenda, delegates, seats, documents, devices];

// --- run views ---
import { runViews } from './views/run-views.js';

export const views = [...prepareViews, ...runViews];
