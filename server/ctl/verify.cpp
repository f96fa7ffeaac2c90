#include "ctl/verify.h"

#include "core/ballots.h"
#include "ctl/commands.h"
#include "ctl/connectionsettings.h"
#include "ctl/logsource.h"
#include "ctl/minutesverify.h"
#include "ctl/resultfile.h"
#include "ctl/trustedkey.h"
#include "protocol/ed25519.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>

namespace chamber::ctl {

namespace {

constexpr qint64 kMaxResultFileBytes = 64 * 1024 * 1024;

// A result file is one JSON object (usually indented over many lines); an export has one
// complete event object per line. Anything else is handed to the result parser, whose
// error says what is wrong with it.
bool looksLikeExport(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonDocument first = QJsonDocument::fromJson(file.readLine());
    return first.isObject() && !first.object().contains(QLatin1String("document"))
        && !first.object().contains(QLatin1String("signature"));
}

Result<SignedResult> readResultFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(
            ErrorCode::NotFound, QStringLiteral("%1: %2").arg(path, file.errorString()));
    if (file.size() > kMaxResultFileBytes)
        return makeError(ErrorCode::TooLarge,
            QStringLiteral("%1: not a signed result: larger than 64 MiB").arg(path));
    auto parsed = parseSignedResult(file.readAll());
    if (!parsed)
        return makeError(
            parsed.error().code, QStringLiteral("%1: %2").arg(path, parsed.error().message));
    return parsed;
}

QString pollStateWhy(core::PollState state)
{
    switch (state) {
    case core::PollState::Draft:
        return QStringLiteral("it had not even been opened");
    case core::PollState::Open:
        return QStringLiteral("voting was still open");
    case core::PollState::Published:
        return QStringLiteral("it had already been published");
    case core::PollState::Closed:
        break;
    }
    return {};
}

// The result against the log: everything the signed document repeats from it, and the log's own
// poll.published of that poll. Appends what differs to `failures`, what holds to `passed`.
void compareWithLog(
    const SignedResult &result, const LogCheck &log, QStringList &failures, QStringList &passed)
{
    const LogReplay &replay = log.replay;
    if (!replay.hasMeeting(result.meeting)) {
        QStringList held;
        for (qint64 meeting : replay.meetings())
            held << QString::number(meeting);
        failures << QStringLiteral("the result is of meeting %1; the log holds no event of it "
                                   "(only of meeting %2)")
                        .arg(result.meeting)
                        .arg(held.join(QStringLiteral(", ")));
        return;
    }
    const std::optional<LogAtEvent> &at = replay.captured();
    if (!at) {
        failures << QStringLiteral("lastEvent: the result names event %1 (%2…) as the meeting's "
                                   "last before publishing, but meeting %3 of the log ends at "
                                   "event %4")
                        .arg(result.lastEvent.seq)
                        .arg(QString::fromLatin1(result.lastEvent.hash.toHex().left(16)))
                        .arg(result.meeting)
                        .arg(replay.headSeq(result.meeting));
        return;
    }
    const auto poll = at->meeting.polls.find(result.poll);
    if (poll == at->meeting.polls.end()) {
        failures << QStringLiteral("poll: meeting %1 of the log has no poll %2 by event %3 (the "
                                   "result is of another poll or another server)")
                        .arg(result.meeting)
                        .arg(result.poll)
                        .arg(result.lastEvent.seq);
        return;
    }
    if (poll->second.state != core::PollState::Closed) {
        failures << QStringLiteral("lastEvent: the result names event %1 as the last before "
                                   "publishing poll %2, but at that event %3")
                        .arg(result.lastEvent.seq)
                        .arg(result.poll)
                        .arg(pollStateWhy(poll->second.state));
        return;
    }
    const ResultSources sources = at->polls.value(result.poll);
    const QStringList differences = compareDocuments(result.document,
        core::resultDocument(at->meeting, poll->second), sources, QStringLiteral("the result"));
    failures << differences;

    const PublishedInLog *published = nullptr;
    for (const PublishedInLog &candidate : replay.published()) {
        if (candidate.meeting == result.meeting && candidate.poll == result.poll)
            published = &candidate;
    }
    if (!published) {
        failures << QStringLiteral("the log has no poll.published of poll %1 (exported before "
                                   "the result was published?)")
                        .arg(result.poll);
        return;
    }
    const QString where = QStringLiteral("the log's poll.published (event %1)").arg(published->seq);
    if (published->document != result.document)
        failures << where + QStringLiteral(" carries another document than the result");
    if (published->signature != result.signature)
        failures << where + QStringLiteral(" carries another signature than the result");
    if (published->publicKey != result.publicKey)
        failures << QStringLiteral("%1 is signed with key %2, the result with key %3")
                        .arg(where, protocol::keyFingerprint(published->publicKey),
                            protocol::keyFingerprint(result.publicKey));
    if (published->seq != result.lastEvent.seq + 1)
        failures << QStringLiteral("%1 does not follow event %2, which the result names as the "
                                   "last before it")
                        .arg(where)
                        .arg(result.lastEvent.seq);
    if (differences.isEmpty()) {
        passed << QStringLiteral("poll, counts, outcome, receipts and voters equal the log's "
                                 "poll.created (event %1) and poll.closed (event %2); same "
                                 "document, signature and key as %3; anchored at event %4")
                      .arg(sources.pollCreated)
                      .arg(sources.pollClosed)
                      .arg(where)
                      .arg(result.lastEvent.seq);
    }
}

QString chainSummary(const LogCheck &log)
{
    QString text = QStringLiteral("%1: chain intact, %2 events in %3 meeting(s)")
                       .arg(log.name)
                       .arg(log.chain.events)
                       .arg(log.chain.meetings);
    if (log.checkpoints > 0)
        text += QStringLiteral(", %1 checkpoint(s) agree").arg(log.checkpoints);
    return text;
}

void printList(QTextStream &stream, const QString &heading, const QStringList &lines)
{
    stream << heading << '\n';
    for (const QString &line : lines)
        stream << "  - " << line << '\n';
    stream.flush();
}

int verifyResult(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const QString path = arguments.word(1);
    auto parsed = readResultFile(path);
    if (!parsed) {
        err << "FAILED: " << parsed.error().message << Qt::endl;
        return ExitFailed;
    }
    const SignedResult &result = parsed.value();
    auto lookup = findTrustedKey(arguments, true);
    if (!lookup) {
        err << "chamberctl: " << lookup.error().message << Qt::endl;
        return ExitUsage;
    }
    const std::optional<TrustedKey> &trusted = lookup->key;

    QStringList failures;
    QStringList passed;
    if (!result.signatureHolds())
        failures << QStringLiteral(
            "signature: does not match the document (it was changed after signing)");

    const QString dataDir = arguments.value(QStringLiteral("data"), defaultDataDirectory());
    LogCheck log;
    log.replay.captureAt(result.meeting, result.lastEvent.seq);
    const QByteArray anchorKey = trusted ? trusted->key : QByteArray();
    bool haveLog = true;
    if (arguments.has(QStringLiteral("log")))
        readExportFile(arguments.value(QStringLiteral("log")), anchorKey, log);
    else if (QFileInfo::exists(dataDir + QStringLiteral("/chamber.db")))
        readDataDirectory(dataDir, anchorKey, log);
    else
        haveLog = false;
    if (haveLog) {
        if (log.intact())
            passed << chainSummary(log);
        failures << log.failures();
        if (log.intact())
            compareWithLog(result, log, failures, passed);
    } else {
        passed << QStringLiteral("not compared with an event log (give --log FILE.jsonl from "
                                 "chamberctl export, or run on the server)");
    }

    const QString fingerprint = protocol::keyFingerprint(result.publicKey);
    if (trusted && !trusted->matches(result.publicKey))
        failures << QStringLiteral("key: signed with key %1, but the trusted key is %2 (from %3)")
                        .arg(fingerprint, trusted->fingerprint, trusted->source);
    else if (trusted)
        passed << QStringLiteral("signed by the trusted key %1 (from %2)")
                      .arg(fingerprint, trusted->source);

    const QString title
        = QStringLiteral("poll %1 \"%2\" of meeting %3: %4%5")
              .arg(result.poll)
              .arg(result.pollTitle)
              .arg(result.meeting)
              .arg(result.verdict,
                  result.explanation.isEmpty() ? QString()
                                               : QStringLiteral(" (%1)").arg(result.explanation));
    if (!failures.isEmpty()) {
        printList(err,
            QStringLiteral("FAILED: %1 (%2) is not the published result:").arg(path, title),
            failures);
        return ExitFailed;
    }
    if (!trusted) {
        printList(err,
            QStringLiteral("NOT VERIFIED: %1 (%2) is signed by key %3, which nobody vouched "
                           "for: anyone can sign a document with a key of their own. Give --key "
                           "with the server's signing key or the fingerprint announced for it, "
                           "or let chamberctl ask the server (--server URL --pin PIN). What holds:")
                .arg(path, title, fingerprint),
            passed);
        printList(err, QStringLiteral("No trusted key:"), lookup->tried);
        return lookup->refused ? ExitFailed
                               : (lookup->unreachable ? ExitUnreachable : ExitUntrusted);
    }
    printList(out, QStringLiteral("OK: ") + title, passed);
    return ExitOk;
}

int verifyLog(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const bool database = arguments.positional().size() == 1;
    const QString dataDir = arguments.value(QStringLiteral("data"), defaultDataDirectory());
    // A log alone proves its chain; published results in it are checked against a key only
    // when one is given, or (for a database) the server's own key file is readable.
    std::optional<TrustedKey> trusted;
    QString keyNote;
    if (arguments.has(QStringLiteral("key"))) {
        auto lookup = findTrustedKey(arguments, false);
        if (!lookup) {
            err << "chamberctl: " << lookup.error().message << Qt::endl;
            return ExitUsage;
        }
        trusted = lookup->key;
    } else if (database) {
        if (const auto key = dataDirectorySigningKey(dataDir, &keyNote))
            trusted = TrustedKey {*key, protocol::keyFingerprint(*key),
                QStringLiteral("the server's key file in %1").arg(dataDir)};
    }
    LogCheck log;
    // A fingerprint cannot check a signature: it is compared with each result's key below.
    const QByteArray anchorKey = trusted ? trusted->key : QByteArray();
    if (database)
        readDataDirectory(dataDir, anchorKey, log);
    else
        readExportFile(arguments.word(1), anchorKey, log);
    if (!log.problem.isEmpty()) {
        err << "cannot verify: " << log.problem << Qt::endl;
        return ExitFailed;
    }

    QStringList failures = log.failures();
    QSet<QString> keys;
    for (const PublishedInLog &published : log.replay.published()) {
        keys.insert(protocol::keyFingerprint(published.publicKey));
        if (trusted && !trusted->matches(published.publicKey))
            failures << QStringLiteral("meeting %1, event %2: the result of poll %3 is signed with "
                                       "key %4, not the trusted key %5")
                            .arg(published.meeting)
                            .arg(published.seq)
                            .arg(published.poll)
                            .arg(protocol::keyFingerprint(published.publicKey),
                                trusted->fingerprint);
    }
    const qint64 results = qint64(log.replay.published().size());
    QString resultsLine;
    if (results > 0) {
        QStringList keyList = keys.values();
        keyList.sort();
        resultsLine
            = QStringLiteral("%1 published result(s) equal what their poll.created and "
                             "poll.closed say, signed with key %2; %3")
                  .arg(results)
                  .arg(keyList.join(QStringLiteral(", ")),
                      trusted ? QStringLiteral("the trusted key (from %1)").arg(trusted->source)
                              : QStringLiteral("not compared with a trusted key (give "
                                               "--key)%1")
                                    .arg(keyNote.isEmpty() ? QString()
                                                           : QStringLiteral(": ") + keyNote));
    }
    if (!failures.isEmpty()) {
        for (const QString &line : failures)
            err << line << '\n';
        err << QStringLiteral("FAILED: %1 events in %2 meeting(s) checked")
                   .arg(log.chain.events)
                   .arg(log.chain.meetings)
            << Qt::endl;
        return ExitFailed;
    }
    out << QStringLiteral("OK, chain intact: %1 events in %2 meeting(s) checked")
               .arg(log.chain.events)
               .arg(log.chain.meetings);
    if (log.checkpoints > 0)
        out << QStringLiteral("; %1 checkpoint(s) agree").arg(log.checkpoints);
    out << '\n';
    if (!resultsLine.isEmpty())
        out << resultsLine << '\n';
    out.flush();
    return ExitOk;
}

} // namespace

QSet<QString> verifyOptions()
{
    return QSet<QString> {QStringLiteral("key"), QStringLiteral("log")} + verifyMinutesOptions();
}

QString verifyHelp()
{
    const QString logsAndResults = QStringLiteral(
        "  verify FILE.jsonl [--key KEY] | verify [--data DIR]\n"
        "      check the hash chain of an exported log or of a server's database, and that\n"
        "      every published result in it equals what the log's events say\n"
        "  verify RESULT.json [--log FILE.jsonl] [--key KEY]\n"
        "      check a published poll result: its signature, every figure against the log\n"
        "      (--log, or the server's database when run on the server) and its key against a\n"
        "      trusted one: --key (base64 or 16-digit fingerprint), the data directory's key\n"
        "      file, or the pinned server's (GET /api/v1/server)\n");
    return logsAndResults + verifyMinutesHelp();
}

int runVerify(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const qsizetype words = arguments.positional().size();
    if (words > 2 || (words == 1 && arguments.has(QStringLiteral("log")))) {
        err << "chamberctl: verify FILE.jsonl | verify [--data DIR] | verify RESULT.json "
               "[--log FILE.jsonl] [--key KEY] | verify MINUTES.pdf [--log FILE.jsonl] "
               "[--cert FILE.pem | --fingerprint HEX]"
            << Qt::endl;
        return ExitUsage;
    }
    // Minutes (issue 16): a PDF is signed minutes, checked against the log they came from.
    if (words == 2 && looksLikePdf(arguments.word(1)))
        return verifyMinutes(arguments, out, err);
    if (arguments.has(QStringLiteral("cert")) || arguments.has(QStringLiteral("fingerprint"))) {
        err << "chamberctl: --cert and --fingerprint are for minutes (verify MINUTES.pdf)"
            << Qt::endl;
        return ExitUsage;
    }
    if (words == 2
        && (arguments.has(QStringLiteral("log")) || !looksLikeExport(arguments.word(1)))) {
        if (!QFileInfo::exists(arguments.word(1))) {
            err << "FAILED: " << arguments.word(1) << " does not exist" << Qt::endl;
            return ExitFailed;
        }
        return verifyResult(arguments, out, err);
    }
    return verifyLog(arguments, out, err);
}

} // namespace chamber::ctl
