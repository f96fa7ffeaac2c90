#include "crashchecks.h"

#include "serverprocess.h"

#include "childprocess.h"

#include <QJsonArray>
#include <QProcess>
#include <QSet>

#include <map>

namespace chamber::testing::crash {

// PRAGMA integrity_check on `path`, opened as chamberd would (read-write, so a hot WAL left
// by a kill is recovered) or read-only.
QString integrityCheck(const QString &path, storage::Database::Mode mode)
{
    auto db = storage::Database::open(path, mode);
    if (!db)
        return db.error().message;
    auto check = db.value()->prepare("PRAGMA integrity_check");
    if (!check)
        return check.error().message;
    QStringList rows;
    while (check->next())
        rows << check->text(0);
    return rows.join(QStringLiteral("; "));
}

QString verifyChain(const QString &dataDir)
{
    QProcess ctl;
    chamber::testing::dieWithTest(ctl);
    ctl.start(binaryPath(QStringLiteral("chamberctl")),
        {QStringLiteral("verify"), QStringLiteral("--data"), dataDir});
    if (!ctl.waitForFinished(60000))
        return QStringLiteral("chamberctl verify did not finish");
    const QString out = QString::fromUtf8(ctl.readAllStandardOutput());
    if (ctl.exitStatus() != QProcess::NormalExit || ctl.exitCode() != 0
        || !out.contains(QStringLiteral("chain intact")))
        return QStringLiteral("chamberctl verify --data %1: exit %2: %3 %4")
            .arg(dataDir)
            .arg(ctl.exitCode())
            .arg(out, QString::fromUtf8(ctl.readAllStandardError()));
    return {};
}

// The answers each tablet got: ok (and the same ok) for every send of its ballot; conflict
// for the change.
QStringList answerProblems(const Tablets &tablets)
{
    QStringList problems;
    for (const auto &tablet : tablets) {
        const qint64 delegate = tablet->delegate();
        for (const QJsonObject &answer : tablet->castAnswers()) {
            if (answer != tablet->castAnswers().first())
                problems << (QStringLiteral(
                    "delegate %1: a resent ballot got another answer: %2 vs %3")
                                 .arg(delegate)
                                 .arg(compact(answer), compact(tablet->castAnswers().first())));
        }
        const QJsonObject first = tablet->castAnswers().value(0);
        const QJsonObject result = first.value(QLatin1String("result")).toObject();
        if (!isOk(first) || !result.value(QLatin1String("recorded")).toBool()
            || result.value(QLatin1String("changed")).toBool())
            problems << (QStringLiteral("delegate %1: ballot answered %2")
                             .arg(delegate)
                             .arg(compact(first)));
        for (const QJsonObject &answer : tablet->changeAnswers()) {
            if (answer.value(QLatin1String("code")).toString() != QLatin1String("conflict"))
                problems << (QStringLiteral(
                    "delegate %1: a second ballot with another choice in a poll "
                    "without changes was answered %2")
                                 .arg(delegate)
                                 .arg(compact(answer)));
        }
    }
    return problems;
}

// The counted result against what the tablets were told.
QStringList closingProblems(
    qint64 poll, bool secret, const QJsonObject &closing, const Tablets &tablets)
{
    QStringList problems;
    const QJsonObject tally = closing.value(QLatin1String("tally")).toObject();
    const QJsonObject counts = tally.value(QLatin1String("counts")).toObject();
    const QJsonArray voters = closing.value(QLatin1String("voters")).toArray();
    const QJsonArray rollCall = closing.value(QLatin1String("ballots")).toArray();
    const QJsonArray receipts = closing.value(QLatin1String("receipts")).toArray();
    const qint64 expected = qint64(tablets.size());
    if (tally.value(QLatin1String("ballots")).toInteger() != expected)
        problems << (QStringLiteral("poll %1: tally.ballots %2, %3 delegates voted")
                         .arg(poll)
                         .arg(tally.value(QLatin1String("ballots")).toInteger())
                         .arg(expected));
    qint64 sum = 0;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        sum += it.value().toInteger();
    if (sum != tally.value(QLatin1String("ballots")).toInteger())
        problems << (QStringLiteral("poll %1: counts add up to %2, tally.ballots says %3")
                         .arg(poll)
                         .arg(sum)
                         .arg(tally.value(QLatin1String("ballots")).toInteger()));

    std::map<qint64, const Tablet *> byDelegate;
    std::map<QString, qint64> expectedCounts;
    for (const auto &tablet : tablets) {
        byDelegate[tablet->delegate()] = tablet.get();
        ++expectedCounts[tablet->plan().choice];
    }
    QSet<qint64> seen;
    for (const QJsonValue &voter : voters) {
        const qint64 id = voter.toInteger();
        if (seen.contains(id))
            problems << (QStringLiteral("poll %1: delegate %2 is listed twice among the voters")
                             .arg(poll)
                             .arg(id));
        if (!byDelegate.count(id))
            problems << (QStringLiteral("poll %1: delegate %2 voted without a tablet")
                             .arg(poll)
                             .arg(id));
        seen.insert(id);
    }
    for (const auto &tablet : tablets) {
        if (!seen.contains(tablet->delegate()))
            problems << (QStringLiteral("poll %1: delegate %2 is missing among the voters%3")
                             .arg(poll)
                             .arg(tablet->delegate())
                             .arg(tablet->castAnsweredBy() == 0 ? QStringLiteral(
                                      " although the killed server acknowledged the ballot")
                                                                : QString()));
    }
    for (const auto &[choice, count] : expectedCounts) {
        if (counts.value(choice).toInteger() != count)
            problems << (QStringLiteral("poll %1: %2 counted %3 times, the tablets were told %4")
                             .arg(poll)
                             .arg(choice)
                             .arg(counts.value(choice).toInteger())
                             .arg(count));
    }

    if (secret) {
        // The receipts are derived from the tablets' own keys: exactly theirs, once each.
        QStringList want;
        for (const auto &tablet : tablets)
            want << tablet->receipt();
        want.sort();
        QStringList got;
        for (const QJsonValue &receipt : receipts)
            got << receipt.toString();
        if (got.size() != voters.size())
            problems << (QStringLiteral("poll %1: %2 receipts for %3 voters")
                             .arg(poll)
                             .arg(got.size())
                             .arg(voters.size()));
        if (got != want)
            problems << (QStringLiteral("poll %1: the receipts are not the tablets' receipts")
                             .arg(poll));
        if (!rollCall.isEmpty())
            problems << (QStringLiteral("poll %1: a secret poll published a roll call").arg(poll));
        return problems;
    }
    QSet<qint64> called;
    for (const QJsonValue &value : rollCall) {
        const QJsonObject entry = value.toObject();
        const qint64 id = entry.value(QLatin1String("delegate")).toInteger();
        if (called.contains(id))
            problems << (QStringLiteral("poll %1: delegate %2 appears twice in the roll call")
                             .arg(poll)
                             .arg(id));
        called.insert(id);
        const auto it = byDelegate.find(id);
        if (it == byDelegate.end())
            continue;
        const QString choice = entry.value(QLatin1String("choice")).toString();
        if (choice != it->second->plan().choice)
            problems << (QStringLiteral("poll %1: delegate %2 recorded as %3, acknowledged as %4%5")
                             .arg(poll)
                             .arg(id)
                             .arg(choice, it->second->plan().choice,
                                 it->second->castAnsweredBy() == 0
                                     ? QStringLiteral(" by the killed server")
                                     : QString()));
    }
    if (rollCall.size() != voters.size())
        problems << (QStringLiteral("poll %1: roll call of %2 for %3 voters")
                         .arg(poll)
                         .arg(rollCall.size())
                         .arg(voters.size()));
    return problems;
}

} // namespace chamber::testing::crash
