// The workspace's views, in menu order. Each helper adds its own imports in its own block.
// --- prepare views ---
// --- run views ---
import runDesk from './views/run-desk.js';
import runSpeakers from './views/run-speakers.js';
import runPolls from './views/run-polls.js';
import afterReport from './views/after-report.js';

export const views = [
    // --- prepare list ---
    // --- run list ---
    runDesk, runSpeakers, runPolls, afterReport,
];
