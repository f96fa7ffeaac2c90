#include "ctl/minutesverify.h"

#include "ctl/commands.h"
#include "ctl/connectionsettings.h"
#include "ctl/logsource.h"
#include "minutes/minutesmodel.h"
#include "minutespdf/minutesidentity.h"
#include "minutespdf/pdfsigner.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSslCertificate>

#include <optional>

namespace chamber::ctl {

namespace {

constexpr qint64 kMaxPdfBytes = 256 * 1024 * 1024;

struct TrustedCertificate
{
    QString fingerprint; // lower-case hex SHA-256 of the DER certificate
    QString source;
};

struct CertificateLookup
{
    std::optional<TrustedCertificate> certificate;
    QStringList tried; // when there is none: each place tried and why it gave nothing
    bool unreachable = false;
};

Result<TrustedCertificate> certificateFromFile(const QString &path, const QString &source)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.size() != 1 || certificates.first().isNull())
        return makeError(ErrorCode::BadField,
            QStringLiteral("%1 is not one PEM certificate (cert.pem of the server's "
                           "minutes-signing directory, or minutesCertificate.pem of GET "
                           "/api/v1/server)")
                .arg(path),
            QStringLiteral("cert"));
    return TrustedCertificate {
        minutespdf::certificateFingerprint(certificates.first().toDer()), source};
}

void askServer(const Arguments &arguments, CertificateLookup &lookup)
{
    auto connection = resolvePublicConnection(arguments);
    if (!connection) {
        lookup.tried << QStringLiteral("cannot ask the server: ") + connection.error().message;
        return;
    }
    RestClient client(connection.value());
    const auto reply = client.get(QStringLiteral("/api/v1/server"));
    if (!reply) {
        lookup.tried << reply.error().message;
        lookup.unreachable = reply.error().code == ErrorCode::Unavailable;
        return;
    }
    const QString sha256 = reply->json()
                               .value(QLatin1String("minutesCertificate"))
                               .toObject()
                               .value(QLatin1String("sha256"))
                               .toString();
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    if (reply->status != 200 || !hex.match(sha256).hasMatch()) {
        lookup.tried << QStringLiteral("%1 did not answer GET /api/v1/server with a minutes "
                                       "certificate (HTTP %2)")
                            .arg(connection->server.toString())
                            .arg(reply->status);
        return;
    }
    lookup.certificate = TrustedCertificate {sha256,
        QStringLiteral("the server at %1 (GET /api/v1/server over pinned TLS)")
            .arg(connection->server.toString())};
}

// --cert, --fingerprint, the data directory's certificate (on the server), or the pinned
// server's answer when one is named. A malformed option is a usage error.
Result<CertificateLookup> findTrustedCertificate(const Arguments &arguments)
{
    CertificateLookup lookup;
    if (arguments.has(QStringLiteral("cert"))) {
        const QString path = arguments.value(QStringLiteral("cert"));
        auto certificate = certificateFromFile(path, QStringLiteral("--cert %1").arg(path));
        if (!certificate)
            return certificate.error();
        lookup.certificate = certificate.value();
        return lookup;
    }
    if (arguments.has(QStringLiteral("fingerprint"))) {
        QString text = arguments.value(QStringLiteral("fingerprint")).trimmed().toLower();
        text.remove(u':');
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!hex.match(text).hasMatch())
            return makeError(ErrorCode::BadField,
                QStringLiteral("--fingerprint must be the certificate's SHA-256: 64 hex digits "
                               "(minutesCertificate.sha256 of GET /api/v1/server)"),
                QStringLiteral("fingerprint"));
        lookup.certificate = TrustedCertificate {text, QStringLiteral("--fingerprint")};
        return lookup;
    }
    const QString dataDir = arguments.value(QStringLiteral("data"), defaultDataDirectory());
    const QString own = dataDir + QStringLiteral("/minutes-signing/cert.pem");
    if (QFileInfo::exists(own)) {
        auto certificate = certificateFromFile(
            own, QStringLiteral("the server's certificate file in %1").arg(dataDir));
        if (certificate) {
            lookup.certificate = certificate.value();
            return lookup;
        }
        lookup.tried << certificate.error().message;
    } else {
        lookup.tried << QStringLiteral("%1 does not exist").arg(own);
    }
    if (arguments.has(QStringLiteral("server")) || qEnvironmentVariableIsSet("CHAMBER_SERVER"))
        askServer(arguments, lookup);
    else
        lookup.tried << QStringLiteral("no server to ask (--server URL --pin PIN)");
    return lookup;
}

// Rebuilds the minutes from the log's events of the stamp's meeting, up to the stamp's event,
// while the log source checks the chain.
struct Rebuild
{
    const minutespdf::MinutesStamp &stamp;
    minutes::MinutesBuilder builder;
    QString stampEventHash; // the hash the log gives the stamp's event
    QString problem; // the first event the model could not take

    void add(const protocol::Event &event)
    {
        if (event.meeting != stamp.meeting || event.seq > stamp.seq || !problem.isEmpty())
            return;
        if (auto added = builder.add(event); !added) {
            problem = QStringLiteral("event %1 (%2) of meeting %3: %4")
                          .arg(event.seq)
                          .arg(event.kind)
                          .arg(event.meeting)
                          .arg(added.error().message);
            return;
        }
        if (event.seq == stamp.seq)
            stampEventHash = QString::fromLatin1(event.hash.toHex());
    }
};

void compareWithLog(const minutespdf::MinutesStamp &stamp, const LogCheck &log, Rebuild &rebuild,
    QStringList &failures, QStringList &passed)
{
    if (!rebuild.problem.isEmpty()) {
        failures << QStringLiteral("the minutes cannot be made from %1: %2")
                        .arg(log.name, rebuild.problem);
        return;
    }
    if (!log.replay.hasMeeting(stamp.meeting)) {
        QStringList held;
        for (qint64 meeting : log.replay.meetings())
            held << QString::number(meeting);
        failures << QStringLiteral("the minutes are of meeting %1; %2 holds no event of it "
                                   "(only of meeting %3)")
                        .arg(stamp.meeting)
                        .arg(log.name, held.join(QStringLiteral(", ")));
        return;
    }
    if (rebuild.builder.seq() < stamp.seq) {
        failures << QStringLiteral("the minutes are made up to event %1 of meeting %2, but %3 "
                                   "ends at event %4 of it (a shortened log?)")
                        .arg(stamp.seq)
                        .arg(stamp.meeting)
                        .arg(log.name)
                        .arg(rebuild.builder.seq());
        return;
    }
    if (rebuild.stampEventHash != stamp.lastEventHash) {
        failures << QStringLiteral("event %1 of meeting %2 has hash %3… in %4, the minutes name "
                                   "hash %5…: they were made from another log")
                        .arg(stamp.seq)
                        .arg(stamp.meeting)
                        .arg(rebuild.stampEventHash.left(16), log.name,
                            stamp.lastEventHash.left(16));
        return;
    }
    auto model = rebuild.builder.model();
    if (!model) {
        failures << QStringLiteral("the minutes cannot be made from %1: %2")
                        .arg(log.name, model.error().message);
        return;
    }
    const QString modelSha = model->modelSha256();
    if (modelSha != stamp.modelSha256)
        failures << QStringLiteral("content: the minutes rebuilt from the log up to event %1 "
                                   "have model hash %2…, the PDF says %3…: it was not made from "
                                   "these events")
                        .arg(stamp.seq)
                        .arg(modelSha.left(16), stamp.modelSha256.left(16));
    if (minutes::minutesKindName(model->kind) != stamp.kind)
        failures << QStringLiteral("kind: the PDF says %1, the log up to event %2 makes %3")
                        .arg(stamp.kind)
                        .arg(stamp.seq)
                        .arg(minutes::minutesKindName(model->kind));
    if (model->lastEventTime != stamp.lastEventTime)
        failures << QStringLiteral("time: the PDF says event %1 was at %2, the log says %3")
                        .arg(stamp.seq)
                        .arg(stamp.lastEventTime, model->lastEventTime);
    if (failures.isEmpty())
        passed << QStringLiteral("event %1 of meeting %2 is in the chain with hash %3…; the "
                                 "minutes rebuilt from the log up to it are the PDF's (model "
                                 "hash %4…)")
                      .arg(stamp.seq)
                      .arg(stamp.meeting)
                      .arg(stamp.lastEventHash.left(16), modelSha.left(16));
}

void printList(QTextStream &stream, const QString &heading, const QStringList &lines)
{
    stream << heading << '\n';
    for (const QString &line : lines)
        stream << "  - " << line << '\n';
    stream.flush();
}

} // namespace

bool looksLikePdf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(5) == "%PDF-";
}

QSet<QString> verifyMinutesOptions()
{
    return {QStringLiteral("cert"), QStringLiteral("fingerprint")};
}

QString verifyMinutesHelp()
{
    return QStringLiteral(
        "  verify MINUTES.pdf [--log FILE.jsonl] [--cert FILE.pem | --fingerprint HEX]\n"
        "      check signed minutes: the signature and that it covers the whole file, that\n"
        "      the event they were made up to is in the log's chain with that hash, and that\n"
        "      the minutes rebuilt from the log (--log, or the server's database when run on\n"
        "      the server) are the PDF's; the certificate against a trusted one: --cert,\n"
        "      --fingerprint (SHA-256), the data directory's, or the pinned server's\n");
}

int verifyMinutes(const Arguments &arguments, QTextStream &out, QTextStream &err)
{
    const QString path = arguments.word(1);
    if (arguments.has(QStringLiteral("key"))) {
        err << "chamberctl: minutes are signed with a certificate: give --cert FILE.pem or "
               "--fingerprint HEX, not --key"
            << Qt::endl;
        return ExitUsage;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "FAILED: " << path << ": " << file.errorString() << Qt::endl;
        return ExitFailed;
    }
    if (file.size() > kMaxPdfBytes) {
        err << "FAILED: " << path << ": larger than 256 MiB, not minutes" << Qt::endl;
        return ExitFailed;
    }
    auto check = minutespdf::checkSignedMinutesPdf(file.readAll());
    if (!check) {
        err << "FAILED: " << path << " is not signed minutes: " << check.error().message
            << Qt::endl;
        return ExitFailed;
    }
    auto lookup = findTrustedCertificate(arguments);
    if (!lookup) {
        err << "chamberctl: " << lookup.error().message << Qt::endl;
        return ExitUsage;
    }
    const minutespdf::MinutesStamp &stamp = check->stamp;
    QStringList failures;
    QStringList passed;
    if (!check->signatureValid)
        failures << QStringLiteral("signature: not valid (%1): the file was changed after signing")
                        .arg(check->problem.isEmpty() ? QStringLiteral("digest mismatch")
                                                      : check->problem);
    else
        passed << QStringLiteral("signature valid");
    if (!check->coversWholeFile)
        failures << QStringLiteral("coverage: the signature does not cover the whole file (bytes "
                                   "were added or removed after signing)");
    else if (check->signatureValid)
        passed << QStringLiteral("the signature covers the whole file");

    // The log: a given export, or the server's database when run on the server.
    const QString dataDir = arguments.value(QStringLiteral("data"), defaultDataDirectory());
    LogCheck log;
    Rebuild rebuild {stamp, {}, {}, {}};
    log.onEvent = [&rebuild](const protocol::Event &event) { rebuild.add(event); };
    bool haveLog = true;
    if (arguments.has(QStringLiteral("log")))
        readExportFile(arguments.value(QStringLiteral("log")), {}, log);
    else if (QFileInfo::exists(dataDir + QStringLiteral("/chamber.db")))
        readDataDirectory(dataDir, {}, log);
    else
        haveLog = false;
    if (haveLog) {
        // Published results are verify's other business; here the chain and the replay count.
        if (!log.problem.isEmpty())
            failures << log.problem;
        for (const protocol::ChainBreak &broken : log.chain.breaks)
            failures << QStringLiteral("BROKEN: ") + broken.describe();
        if (log.problem.isEmpty() && log.chain.ok()) {
            passed << QStringLiteral("%1: chain intact, %2 events in %3 meeting(s)")
                          .arg(log.name)
                          .arg(log.chain.events)
                          .arg(log.chain.meetings);
            compareWithLog(stamp, log, rebuild, failures, passed);
        }
    } else {
        failures << QStringLiteral("no event log to compare with: give --log FILE.jsonl (from "
                                   "chamberctl export) or run on the server (--data DIR)");
    }

    const QString fingerprint = check->certificateFingerprint;
    const std::optional<TrustedCertificate> &trusted = lookup->certificate;
    if (trusted && trusted->fingerprint != fingerprint)
        failures << QStringLiteral("certificate: signed with certificate %1, but the trusted one "
                                   "is %2 (from %3)")
                        .arg(fingerprint, trusted->fingerprint, trusted->source);
    else if (trusted)
        passed << QStringLiteral("signed with the trusted certificate %1 (from %2)")
                      .arg(fingerprint, trusted->source);

    const QString title = QStringLiteral("%1 minutes of meeting %2 (%3), up to event %4 at %5")
                              .arg(stamp.kind)
                              .arg(stamp.meeting)
                              .arg(stamp.language)
                              .arg(stamp.seq)
                              .arg(stamp.lastEventTime);
    if (!failures.isEmpty()) {
        printList(err,
            QStringLiteral("FAILED: %1 (%2, certificate %3) is not what the log says:")
                .arg(path, title, fingerprint),
            failures);
        return ExitFailed;
    }
    if (!trusted) {
        printList(err,
            QStringLiteral("NOT VERIFIED: %1 (%2) is signed with certificate %3, which nobody "
                           "vouched for: anyone can make such a certificate. Give --cert or "
                           "--fingerprint (minutesCertificate of GET /api/v1/server), or "
                           "--server URL --pin PIN. What holds:")
                .arg(path, title, fingerprint),
            passed);
        printList(err, QStringLiteral("No trusted certificate:"), lookup->tried);
        return lookup->unreachable ? ExitUnreachable : ExitUntrusted;
    }
    printList(out, QStringLiteral("OK: ") + title + QStringLiteral(", certificate ") + fingerprint,
        passed);
    return ExitOk;
}

} // namespace chamber::ctl
