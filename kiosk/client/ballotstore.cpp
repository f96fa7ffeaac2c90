#include "ballotstore.h"

#include "protocol/receipt.h"
#include "support/privatefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace chamber::kiosk {

namespace {
const QLatin1String kBallots("ballots");
} // namespace

BallotStore::BallotStore(QString path)
    : m_path(std::move(path))
{ }

Status BallotStore::load()
{
    m_ballots.clear();
    auto stored = support::readJsonFile(m_path);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return success();
    const QJsonObject document = stored.value()->object();
    if (!stored.value()->isObject() || !document.value(kBallots).isArray())
        return makeError(ErrorCode::Invalid, QStringLiteral("%1 is damaged").arg(m_path));
    for (const QJsonValue &value : document.value(kBallots).toArray()) {
        const QJsonObject entry = value.toObject();
        Ballot ballot {entry.value(QLatin1String("meeting")).toInteger(),
            entry.value(QLatin1String("poll")).toInteger(),
            entry.value(QLatin1String("delegate")).toInteger(),
            entry.value(QLatin1String("key")).toString(),
            entry.value(QLatin1String("recorded")).toBool(),
            entry.value(QLatin1String("choice")).toString()};
        if (ballot.meeting > 0 && ballot.poll > 0 && ballot.delegate > 0 && !ballot.key.isEmpty()
            && indexOf(ballot.meeting, ballot.poll, ballot.delegate) < 0)
            m_ballots.append(ballot);
    }
    return success();
}

qsizetype BallotStore::indexOf(qint64 meeting, qint64 poll, qint64 delegate) const
{
    for (qsizetype i = 0; i < m_ballots.size(); ++i) {
        const Ballot &ballot = m_ballots.at(i);
        if (ballot.meeting == meeting && ballot.poll == poll && ballot.delegate == delegate)
            return i;
    }
    return -1;
}

Result<QString> BallotStore::keyFor(qint64 meeting, qint64 poll, qint64 delegate)
{
    if (const qsizetype index = indexOf(meeting, poll, delegate); index >= 0)
        return m_ballots.at(index).key;
    m_ballots.append(Ballot {meeting, poll, delegate, protocol::makeBallotKey(), false, {}});
    if (auto status = persist(); !status) {
        m_ballots.removeLast();
        return status.error();
    }
    return m_ballots.last().key;
}

std::optional<BallotStore::Ballot> BallotStore::find(
    qint64 meeting, qint64 poll, qint64 delegate) const
{
    const qsizetype index = indexOf(meeting, poll, delegate);
    return index < 0 ? std::nullopt : std::optional(m_ballots.at(index));
}

Status BallotStore::markRecorded(
    qint64 meeting, qint64 poll, qint64 delegate, const QString &choice)
{
    const qsizetype index = indexOf(meeting, poll, delegate);
    if (index < 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("no ballot key for this ballot"));
    Ballot &ballot = m_ballots[index];
    if (ballot.recorded && ballot.choice == choice)
        return success();
    ballot.recorded = true;
    ballot.choice = choice;
    return persist();
}

Status BallotStore::forgetOtherMeetings(qint64 meeting)
{
    const qsizetype before = m_ballots.size();
    m_ballots.removeIf([meeting](const Ballot &ballot) { return ballot.meeting != meeting; });
    return m_ballots.size() == before ? success() : persist();
}

QString BallotStore::receipt(qint64 meeting, qint64 poll, const QString &key)
{
    return protocol::ballotReceipt(meeting, poll, key);
}

Status BallotStore::persist() const
{
    if (m_path.isEmpty())
        return success();
    QJsonArray list;
    for (const Ballot &ballot : m_ballots) {
        QJsonObject entry {{QStringLiteral("meeting"), ballot.meeting},
            {QStringLiteral("poll"), ballot.poll}, {QStringLiteral("delegate"), ballot.delegate},
            {QStringLiteral("key"), ballot.key}, {QStringLiteral("recorded"), ballot.recorded}};
        if (!ballot.choice.isEmpty())
            entry.insert(QStringLiteral("choice"), ballot.choice);
        list.append(entry);
    }
    return support::writePrivateFile(m_path,
        QJsonDocument(QJsonObject {{kBallots, list}, {QStringLiteral("version"), 1}})
            .toJson(QJsonDocument::Compact));
}

} // namespace chamber::kiosk
