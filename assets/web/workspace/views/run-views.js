// The Run and After views as the shell lists them. Each one's code is loaded when it is first
// opened: the desk (the view a sitting starts on) does not wait for the polls, speakers and
// after-sitting code, which keeps the first load of a large meeting small.
function lazy(id, section, title, load) {
    return {
        id, section, title,
        mount(container, ctx) {
            let unmount = null;
            let gone = false;
            load().then((module) => {
                if (!gone)
                    unmount = module.default.mount(container, ctx) || null;
            }).catch((error) => {
                console.error(error);
                container.textContent = String(error && error.message || error);
            });
            return () => {
                gone = true;
                if (unmount)
                    unmount();
            };
        },
    };
}

export const runViews = [
    lazy('run', 'run', { vi: 'Điều hành', en: 'Run' }, () => import('./run-desk.js')),
    lazy('speakers', 'run', { vi: 'Phát biểu', en: 'Speakers' }, () => import('./run-speakers.js')),
    lazy('polls', 'run', { vi: 'Biểu quyết', en: 'Polls' }, () => import('./run-polls.js')),
    lazy('conclusions', 'run', { vi: 'Kết luận', en: 'Conclusions' }, () => import('./run-conclusions.js')),
    lazy('after', 'after', { vi: 'Sau kỳ họp', en: 'After' }, () => import('./after-report.js')),
    lazy('minutes', 'after', { vi: 'Biên bản', en: 'Minutes' }, () => import('./after-minutes.js')),
];
