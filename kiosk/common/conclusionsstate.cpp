#include "conclusionsstate.h"

#include <QRegularExpression>

namespace chamber::kiosk {

namespace {
const QLatin1String kType("type");
const QLatin1String kConclusion("conclusion");
const QLatin1String kText("text");
const QLatin1String kPoll("poll");

bool isResolution(const core::Poll &poll)
{
    return poll.state == core::PollState::Published && poll.closing
        && (poll.closing->outcome.verdict == core::Verdict::Passed
            || poll.closing->outcome.verdict == core::Verdict::Elected);
}
// The server keeps a conclusion as one label, without control characters: the lines typed in
// the editor become one paragraph (each break a space), so a refusal never loses the chair's text.
QString asOneParagraph(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(QRegularExpression(QStringLiteral("[\\r\\n\\t]+")))) {
        if (!line.trimmed().isEmpty())
            lines << line.trimmed();
    }
    return lines.join(u' ');
}
} // namespace

void ConclusionsState::attach(const core::MeetingState *meeting, Sender sender)
{
    m_meeting = meeting;
    m_send = std::move(sender);
}

QString ConclusionsState::pollTitle(qint64 poll) const
{
    const auto it = m_meeting->polls.find(poll);
    return it == m_meeting->polls.end() ? QString() : it->second.title;
}

void ConclusionsState::refresh()
{
    QVariantList current;
    QVariantList resolutions;
    if (m_meeting && m_meeting->currentItem > 0) {
        const qint64 item = m_meeting->currentItem;
        for (const auto &[id, conclusion] : m_meeting->conclusions) {
            if (conclusion.removed || conclusion.item != item)
                continue;
            current.append(QVariantMap {{QStringLiteral("conclusion"), id},
                {QStringLiteral("number"), id}, {QStringLiteral("text"), conclusion.text},
                {QStringLiteral("poll"), conclusion.poll},
                {QStringLiteral("pollTitle"), pollTitle(conclusion.poll)}});
        }
        for (const auto &[id, poll] : m_meeting->polls) {
            if (poll.item == item && isResolution(poll))
                resolutions.append(QVariantMap {
                    {QStringLiteral("poll"), id}, {QStringLiteral("title"), poll.title}});
        }
    }
    if (current == m_current && resolutions == m_resolutions)
        return;
    m_current = current;
    m_resolutions = resolutions;
    emit changed();
}

void ConclusionsState::send(QJsonObject command)
{
    if (!m_send)
        return;
    const QString id = m_send(std::move(command));
    if (!id.isEmpty())
        m_pending.insert(id);
}

void ConclusionsState::add(const QString &text, int poll)
{
    if (!m_meeting)
        return;
    QJsonObject command {{kType, QStringLiteral("conclusion.add")},
        {QStringLiteral("item"), m_meeting->currentItem}, {kText, asOneParagraph(text)}};
    if (poll > 0)
        command.insert(kPoll, poll);
    send(command);
}

void ConclusionsState::update(int conclusion, const QString &text, int poll)
{
    send({{kType, QStringLiteral("conclusion.update")}, {kConclusion, conclusion},
        {kText, asOneParagraph(text)}, {kPoll, poll > 0 ? QJsonValue(poll) : QJsonValue()}});
}

void ConclusionsState::remove(int conclusion)
{
    send({{kType, QStringLiteral("conclusion.remove")}, {kConclusion, conclusion}});
}

void ConclusionsState::clearProblem()
{
    if (m_problem.isEmpty())
        return;
    m_problem.clear();
    emit problemChanged();
}

bool ConclusionsState::handleAnswer(const QString &id, const QJsonObject &reply)
{
    if (!m_pending.remove(id))
        return false;
    const bool refused = reply.value(kType).toString() == QLatin1String("error");
    const QString problem = refused ? reply.value(QLatin1String("message")).toString() : QString();
    if (problem != m_problem) {
        m_problem = problem;
        emit problemChanged();
    }
    return true;
}

} // namespace chamber::kiosk
