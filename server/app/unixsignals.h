// SIGTERM/SIGINT/SIGHUP delivered into the Qt event loop (the self-pipe pattern): a signal
// handler may only write to a pipe; the shutdown itself runs as ordinary code.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace chamber::app {

class UnixSignals : public QObject
{
    Q_OBJECT

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminateRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace chamber::app
