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
import runDesk from './views/run-desk.js';
import runSpeakers from './views/run-speakers.js';
import runPolls from './views/run-polls.js';
import afterReport from './views/after-report.js';

const runViews = [runDesk, runSpeakers, runPolls, afterReport];

export const views = [...prepareViews, ...runViews];
