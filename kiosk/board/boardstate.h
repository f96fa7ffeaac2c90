// The follow-up board of this device's council for QML (the "Board" singleton): asks the server
// for it (`board.read`, through the kiosk's connection) while a screen shows it, asks again on
// every `board.changed` push and after a reconnect (never on a timer), holds the filters, a
// task's history on demand, and what the meeting's tally screens show (`screen.shown`).
#pragma once

#include "boarddata.h"
#include "boardmodel.h"
#include "taskhistorymodel.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace chamber::kiosk {

class Connection;

class BoardState : public QObject
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Board)
    QML_SINGLETON

    // Set by the screens that show the board; the board is fetched only while one does.
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool loaded READ loaded NOTIFY boardChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // Why the last request failed (offline, refused); empty when it did not.
    Q_PROPERTY(QString problem READ problem NOTIFY loadingChanged)
    // How many boards arrived so far (tests wait for the next one).
    Q_PROPERTY(int received READ received NOTIFY boardChanged)

    Q_PROPERTY(QString councilName READ councilName NOTIFY boardChanged)
    Q_PROPERTY(QDateTime now READ now NOTIFY boardChanged)
    Q_PROPERTY(int amberDays READ amberDays NOTIFY boardChanged)
    Q_PROPERTY(int onTimeCount READ onTimeCount NOTIFY boardChanged)
    Q_PROPERTY(int dueSoonCount READ dueSoonCount NOTIFY boardChanged)
    Q_PROPERTY(int overdueCount READ overdueCount NOTIFY boardChanged)
    Q_PROPERTY(int doneCount READ doneCount NOTIFY boardChanged)
    Q_PROPERTY(int cancelledCount READ cancelledCount NOTIFY boardChanged)
    Q_PROPERTY(int totalCount READ totalCount NOTIFY boardChanged)
    // [{meeting, title}] and [{kind, id, name}] for the filter menus.
    Q_PROPERTY(QVariantList meetingChoices READ meetingChoices NOTIFY boardChanged)
    Q_PROPERTY(QVariantList ownerChoices READ ownerChoices NOTIFY boardChanged)

    Q_PROPERTY(int filterMeeting READ filterMeeting NOTIFY filtersChanged) // 0: all
    Q_PROPERTY(QString filterOwnerKind READ filterOwnerKind NOTIFY filtersChanged)
    Q_PROPERTY(int filterOwner READ filterOwner NOTIFY filtersChanged) // 0: all
    Q_PROPERTY(QString filterStatus READ filterStatus NOTIFY filtersChanged) // "": all
    Q_PROPERTY(bool filtered READ filtered NOTIFY filtersChanged)

    Q_PROPERTY(chamber::kiosk::BoardModel *model READ model CONSTANT)
    Q_PROPERTY(chamber::kiosk::TaskHistoryModel *history READ history CONSTANT)
    Q_PROPERTY(int historyTask READ historyTask NOTIFY historyChanged) // 0: closed
    Q_PROPERTY(QString historyTitle READ historyTitle NOTIFY historyChanged)
    Q_PROPERTY(bool historyLoading READ historyLoading NOTIFY historyChanged)
    Q_PROPERTY(QString historyProblem READ historyProblem NOTIFY historyChanged)

    // What the meeting's tally screens show: "tally" (the usual screen) or "board".
    Q_PROPERTY(QString tallyView READ tallyView NOTIFY tallyViewChanged)

public:
    static constexpr int kPageSize = 200; // the server's largest page
    static constexpr int kMaxPages = 20; // 4,000 tasks: more than a wall can show

    // No default argument: Qt 6.4 would construct a default-constructible singleton itself.
    explicit BoardState(QObject *parent);
    ~BoardState() override;
    // The instance QML gets: made on first use, a child of the Kiosk singleton.
    static BoardState *create(QQmlEngine *, QJSEngine *);
    static BoardState *instance();

    // Self-test and screenshots: a fixed board, no network.
    void showStatic(const Board &board);

    bool active() const { return m_active; }
    void setActive(bool active);
    bool loaded() const { return m_board.council != 0; }
    bool loading() const { return m_loading; }
    QString problem() const { return m_problem; }
    int received() const { return m_received; }
    QString councilName() const { return m_board.name; }
    QDateTime now() const { return m_board.now.toLocalTime(); }
    int amberDays() const { return m_board.amberDays; }
    int onTimeCount() const { return m_board.counts.onTime; }
    int dueSoonCount() const { return m_board.counts.dueSoon; }
    int overdueCount() const { return m_board.counts.overdue; }
    int doneCount() const { return m_board.counts.done; }
    int cancelledCount() const { return m_board.counts.cancelled; }
    int totalCount() const { return m_board.counts.total; }
    QVariantList meetingChoices() const;
    QVariantList ownerChoices() const;
    int filterMeeting() const { return int(m_filterMeeting); }
    QString filterOwnerKind() const { return m_filterOwnerKind; }
    int filterOwner() const { return int(m_filterOwner); }
    QString filterStatus() const { return m_filterStatus; }
    bool filtered() const
    {
        return m_filterMeeting != 0 || m_filterOwner != 0 || !m_filterStatus.isEmpty();
    }
    BoardModel *model() { return &m_model; }
    TaskHistoryModel *history() { return &m_history; }
    int historyTask() const { return int(m_historyTask); }
    QString historyTitle() const { return m_historyTitle; }
    bool historyLoading() const { return m_historyLoading; }
    QString historyProblem() const { return m_historyProblem; }
    QString tallyView() const { return m_tallyView; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void setMeetingFilter(int meeting);
    // kind "member" or "organisation"; id 0: every owner.
    Q_INVOKABLE void setOwnerFilter(const QString &kind, int id);
    // A colour name (onTime, dueSoon, overdue, done, cancelled) or a status; "": all.
    Q_INVOKABLE void setStatusFilter(const QString &status);
    Q_INVOKABLE void clearFilters();
    Q_INVOKABLE void openHistory(int task);
    Q_INVOKABLE void closeHistory();
    // Chair console: the meeting's tally screens show the board (true) or their usual screen.
    Q_INVOKABLE void showOnTally(bool board);

Q_SIGNALS:
    void activeChanged();
    void boardChanged();
    void loadingChanged();
    void filtersChanged();
    void historyChanged();
    void tallyViewChanged();

private:
    void attach(); // follows the kiosk's current connection
    void requestPage(int page, quint64 generation);
    void takePage(const QJsonObject &reply, int page, quint64 generation);
    void publish(Board board);
    void fail(const QString &problem);
    void followMeeting();
    Connection *onlineConnection() const;

    Board m_board;
    Board m_incoming; // pages gathered for the next board
    BoardModel m_model;
    TaskHistoryModel m_history;
    bool m_active = false;
    bool m_static = false;
    bool m_loading = false;
    QString m_problem;
    int m_received = 0;
    quint64 m_generation = 0; // answers to older requests are dropped
    qint64 m_filterMeeting = 0;
    QString m_filterOwnerKind;
    qint64 m_filterOwner = 0;
    QString m_filterStatus;
    qint64 m_historyTask = 0;
    QString m_historyTitle;
    bool m_historyLoading = false;
    QString m_historyProblem;
    QString m_tallyView = QStringLiteral("tally");
    QPointer<Connection> m_connection;
    QList<QMetaObject::Connection> m_connectionLinks;
};

} // namespace chamber::kiosk
