#include "boardstate.h"

#include "connection.h"
#include "kioskstate.h"

#include <QJSEngine>

namespace chamber::kiosk {

namespace {
BoardState *g_board = nullptr;
const QLatin1String kType("type");
} // namespace

BoardState::BoardState(QObject *parent)
    : QObject(parent)
{
    if (KioskState *kiosk = KioskState::instance()) {
        connect(kiosk, &KioskState::phaseChanged, this, &BoardState::attach);
        connect(kiosk, &KioskState::meetingChanged, this, &BoardState::followMeeting);
        connect(
            kiosk, &KioskState::languageChanged, this, [this] { m_history.retranslate(m_board); });
    }
    attach();
    followMeeting();
}

BoardState::~BoardState()
{
    if (g_board == this)
        g_board = nullptr;
}

BoardState *BoardState::instance()
{
    if (!g_board)
        g_board = new BoardState(KioskState::instance());
    return g_board;
}

BoardState *BoardState::create(QQmlEngine *, QJSEngine *)
{
    BoardState *board = instance();
    // The Kiosk singleton owns it; QML must not delete it.
    QJSEngine::setObjectOwnership(board, QJSEngine::CppOwnership);
    return board;
}

void BoardState::showStatic(const Board &board)
{
    m_static = true;
    publish(board);
}

void BoardState::attach()
{
    KioskState *kiosk = KioskState::instance();
    Connection *connection = kiosk ? kiosk->connection() : nullptr;
    if (connection == m_connection && !m_connectionLinks.isEmpty())
        return;
    for (const auto &link : std::as_const(m_connectionLinks))
        disconnect(link);
    m_connectionLinks.clear();
    m_connection = connection;
    ++m_generation; // what the old connection was asked is not coming
    m_loading = false;
    m_problem.clear();
    if (!m_static) {
        // Another device (joined again, or removed): its board is asked for afresh.
        m_board = Board {};
        m_model.setBoard(m_board);
        emit boardChanged();
    }
    emit loadingChanged();
    if (!connection)
        return;
    m_connectionLinks << connect(
        connection, &Connection::boardChanged, this, [this](qint64 council, qint64) {
            // Another council's board (a link to several) is not this screen's.
            if (m_board.council == 0 || council == m_board.council)
                refresh();
        });
    // Pushes missed while offline: ask again once back.
    m_connectionLinks << connect(connection, &Connection::stateChanged, this, [this] {
        if (m_connection && m_connection->state() == Connection::State::Online)
            refresh();
    });
    refresh();
}

Connection *BoardState::onlineConnection() const
{
    return m_connection && m_connection->state() == Connection::State::Online ? m_connection.data()
                                                                              : nullptr;
}

void BoardState::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    if (active)
        refresh();
}

void BoardState::refresh()
{
    if (!m_active || m_static)
        return;
    if (!onlineConnection()) {
        fail(tr("The board needs the connection to the server."));
        return;
    }
    m_incoming = Board {};
    requestPage(1, ++m_generation);
}

void BoardState::requestPage(int page, quint64 generation)
{
    QJsonObject message {{kType, QStringLiteral("board.read")},
        {QStringLiteral("meeting"), KioskState::instance()->identity().meeting},
        {QStringLiteral("page"), page}, {QStringLiteral("pageSize"), kPageSize}};
    if (m_filterMeeting)
        message.insert(QStringLiteral("origin"), m_filterMeeting);
    if (m_filterOwner) {
        message.insert(QStringLiteral("ownerKind"), m_filterOwnerKind);
        message.insert(QStringLiteral("owner"), m_filterOwner);
    }
    if (!m_filterStatus.isEmpty())
        message.insert(QStringLiteral("status"), m_filterStatus);
    Connection *connection = onlineConnection();
    const bool sent = connection
        && connection->request(message, [this, page, generation](const QJsonObject &reply) {
               takePage(reply, page, generation);
           });
    if (!sent) {
        fail(tr("The board needs the connection to the server."));
        return;
    }
    if (!m_loading) {
        m_loading = true;
        emit loadingChanged();
    }
}

void BoardState::takePage(const QJsonObject &reply, int page, quint64 generation)
{
    if (generation != m_generation)
        return;
    if (reply.value(kType).toString() != QLatin1String("ok")) {
        const QString code = reply.value(QLatin1String("code")).toString();
        fail(code == QLatin1String("forbidden") ? tr("This device may not read the board.")
                : code == QLatin1String("not_found") || code == QLatin1String("invalid_state")
                ? tr("This meeting belongs to no council: there is no board to show.")
                : tr("The server refused the board: %1")
                      .arg(reply.value(QLatin1String("message")).toString()));
        return;
    }
    auto board = Board::fromJson(reply.value(QLatin1String("result")).toObject());
    if (!board) {
        fail(tr("The server sent a board this screen cannot read."));
        return;
    }
    const int pages = std::min(board->pages, kMaxPages);
    if (page == 1)
        m_incoming = std::move(board.value());
    else
        m_incoming.append(std::move(board.value()));
    if (page < pages) {
        requestPage(page + 1, generation);
        return;
    }
    publish(std::move(m_incoming));
    m_incoming = Board {};
}

void BoardState::publish(Board board)
{
    m_board = std::move(board);
    m_model.setBoard(m_board);
    m_problem.clear();
    m_loading = false;
    ++m_received;
    emit loadingChanged();
    emit boardChanged();
}

void BoardState::fail(const QString &problem)
{
    m_problem = problem;
    m_loading = false;
    emit loadingChanged();
}

QVariantList BoardState::meetingChoices() const
{
    QVariantList choices;
    for (const MeetingChoice &choice : m_board.meetingChoices)
        choices.append(QVariantMap {
            {QStringLiteral("meeting"), choice.meeting}, {QStringLiteral("title"), choice.title}});
    return choices;
}

QVariantList BoardState::ownerChoices() const
{
    QVariantList choices;
    for (const OwnerRef &owner : m_board.ownerChoices)
        choices.append(QVariantMap {{QStringLiteral("kind"), ownerKindName(owner.kind)},
            {QStringLiteral("id"), owner.id}, {QStringLiteral("name"), owner.name}});
    return choices;
}

void BoardState::setMeetingFilter(int meeting)
{
    if (meeting == m_filterMeeting)
        return;
    m_filterMeeting = std::max(0, meeting);
    emit filtersChanged();
    refresh();
}

void BoardState::setOwnerFilter(const QString &kind, int id)
{
    const bool known = kind == QLatin1String("member") || kind == QLatin1String("organisation");
    const qint64 owner = known ? std::max(0, id) : 0;
    if (owner == m_filterOwner && (owner == 0 || kind == m_filterOwnerKind))
        return;
    m_filterOwner = owner;
    m_filterOwnerKind = owner ? kind : QString();
    emit filtersChanged();
    refresh();
}

void BoardState::setStatusFilter(const QString &status)
{
    static const QStringList known {QString(), QStringLiteral("onTime"), QStringLiteral("dueSoon"),
        QStringLiteral("overdue"), QStringLiteral("done"), QStringLiteral("cancelled"),
        QStringLiteral("open"), QStringLiteral("inProgress")};
    if (status == m_filterStatus || !known.contains(status))
        return;
    m_filterStatus = status;
    emit filtersChanged();
    refresh();
}

void BoardState::clearFilters()
{
    if (!filtered())
        return;
    m_filterMeeting = 0;
    m_filterOwner = 0;
    m_filterOwnerKind.clear();
    m_filterStatus.clear();
    emit filtersChanged();
    refresh();
}

void BoardState::openHistory(int task)
{
    m_historyTask = task;
    m_historyTitle.clear();
    for (const BoardOwner &owner : m_board.owners) {
        for (const BoardTask &candidate : owner.tasks) {
            if (candidate.id == task)
                m_historyTitle = candidate.title;
        }
    }
    m_history.clear();
    m_historyProblem.clear();
    Connection *connection = onlineConnection();
    const qint64 council = m_board.council;
    m_historyLoading = connection
        && connection->request(
            {{kType, QStringLiteral("task.history")}, {QStringLiteral("council"), council},
                {QStringLiteral("task"), task}},
            [this, task](const QJsonObject &reply) {
                if (task != m_historyTask)
                    return; // closed, or another task opened since
                m_historyLoading = false;
                if (reply.value(kType).toString() == QLatin1String("ok"))
                    m_history.setHistory(reply.value(QLatin1String("result")).toObject(), m_board);
                else
                    m_historyProblem = tr("The server refused the history: %1")
                                           .arg(reply.value(QLatin1String("message")).toString());
                emit historyChanged();
            });
    if (!m_historyLoading)
        m_historyProblem = tr("The history needs the connection to the server.");
    emit historyChanged();
}

void BoardState::closeHistory()
{
    m_historyTask = 0;
    m_historyLoading = false;
    m_history.clear();
    emit historyChanged();
}

void BoardState::showOnTally(bool board)
{
    if (KioskState *kiosk = KioskState::instance())
        kiosk->sendCommand({{kType, QStringLiteral("screen.show")},
            {QStringLiteral("view"), board ? QStringLiteral("board") : QStringLiteral("tally")}});
}

void BoardState::followMeeting()
{
    KioskState *kiosk = KioskState::instance();
    const QString view = kiosk ? kiosk->tallyView() : QStringLiteral("tally");
    if (view == m_tallyView)
        return;
    m_tallyView = view;
    emit tallyViewChanged();
}

} // namespace chamber::kiosk
