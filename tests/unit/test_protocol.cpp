// The wire protocol: every message type round-trips, malformed frames get typed errors, the
// builders produce valid messages, PROTOCOL.md documents everything, and key pins are right.
#include "protocol/event.h"
#include "protocol/message.h"
#include "protocol/schema.h"
#include "protocol/tlspin.h"

#include "childprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::protocol;

namespace {

QJsonValue sampleValue(const FieldSpec &field);

QJsonObject sampleObject(std::span<const FieldSpec> fields, bool optionalToo)
{
    QJsonObject object;
    for (const FieldSpec &field : fields) {
        if (field.required || optionalToo)
            object.insert(QLatin1String(field.name), sampleValue(field));
    }
    return object;
}

QJsonValue sampleValue(const FieldSpec &field)
{
    switch (field.kind) {
    case FieldKind::String: {
        if (field.choices)
            return QString::fromLatin1(field.choices[0]);
        // Vietnamese text, cut or padded to a valid length.
        QString text = QStringLiteral("Đại biểu Hội đồng");
        const qint64 length
            = std::clamp<qint64>(text.size(), field.min, field.max > 0 ? field.max : 1000);
        text = text.leftJustified(int(length), u'x', true);
        return text;
    }
    case FieldKind::Integer:
    case FieldKind::NullableInteger:
        return std::max<qint64>(field.min, std::min<qint64>(7, field.max));
    case FieldKind::Boolean:
        return true;
    case FieldKind::Object:
        return sampleObject(field.fields, true);
    case FieldKind::Array:
        return QJsonArray {1, QStringLiteral("a")};
    case FieldKind::Any:
        return QJsonObject {{QStringLiteral("k"), 1}};
    }
    return {};
}

QJsonObject sampleMessage(const MessageSpec &spec, bool optionalToo)
{
    QJsonObject object = sampleObject(spec.fields, optionalToo);
    object.insert(QStringLiteral("type"), QString::fromLatin1(spec.type));
    if (spec.kind != MessageKind::Push)
        object.insert(QStringLiteral("id"), QStringLiteral("req-1"));
    return object;
}

QJsonValue wrongType(const FieldSpec &field)
{
    switch (field.kind) {
    case FieldKind::String:
        return 12;
    case FieldKind::Integer:
    case FieldKind::NullableInteger:
        return QStringLiteral("12");
    case FieldKind::Boolean:
        return 1;
    case FieldKind::Object:
        return QJsonArray {};
    case FieldKind::Array:
        return QJsonObject {};
    case FieldKind::Any:
        return QJsonValue(QJsonValue::Undefined);
    }
    return {};
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyMessageTypeRoundTrips_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("optionalToo");
        int index = 0;
        for (const MessageSpec &spec : allMessages()) {
            QTest::addRow("%s (required fields)", spec.type) << index << false;
            QTest::addRow("%s (all fields)", spec.type) << index << true;
            ++index;
        }
    }

    void everyMessageTypeRoundTrips()
    {
        QFETCH(int, index);
        QFETCH(bool, optionalToo);
        const MessageSpec &spec = allMessages()[size_t(index)];
        const QJsonObject original = sampleMessage(spec, optionalToo);
        const QByteArray bytes = toFrame(original);
        auto parsed = parseMessage(bytes, spec.direction);
        QVERIFY2(parsed, qPrintable(parsed ? QString() : parsed.error().message));
        QCOMPARE(parsed->spec, &spec);
        QCOMPARE(parsed->body, original);
        QCOMPARE(toFrame(parsed->body), bytes);
        // The same type from the other side is not a valid message there, except for the
        // relayed media.signal, which both sides send (a request there, a push here).
        const Direction other
            = spec.direction == Direction::ToServer ? Direction::ToClient : Direction::ToServer;
        if (QLatin1String(spec.type) == QLatin1String("media.signal"))
            QVERIFY(findMessage(QString::fromLatin1(spec.type), other));
        else
            QCOMPARE(parseMessage(bytes, other).error().code, ErrorCode::UnknownType);
    }

    void everyRequiredFieldIsChecked()
    {
        for (const MessageSpec &spec : allMessages()) {
            for (const FieldSpec &field : spec.fields) {
                QJsonObject message = sampleMessage(spec, true);
                if (field.required) {
                    message.remove(QLatin1String(field.name));
                    auto missing = validateMessage(message, spec.direction);
                    QVERIFY2(!missing, spec.type);
                    QCOMPARE(missing.error().code, ErrorCode::MissingField);
                    QCOMPARE(missing.error().field, QString::fromLatin1(field.name));
                }
                if (field.kind == FieldKind::Any)
                    continue;
                message = sampleMessage(spec, true);
                message.insert(QLatin1String(field.name), wrongType(field));
                auto wrong = validateMessage(message, spec.direction);
                QVERIFY2(!wrong,
                    qPrintable(QStringLiteral("%1.%2").arg(
                        QLatin1String(spec.type), QLatin1String(field.name))));
                QCOMPARE(wrong.error().code, ErrorCode::BadField);
                QCOMPARE(wrong.error().field, QString::fromLatin1(field.name));
            }
        }
    }

    void malformedFrames_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("id"); // the request id the error can still quote

        QTest::newRow("empty") << QByteArray() << "bad_json"
                               << ""
                               << "";
        QTest::newRow("garbage") << QByteArray("hello there") << "bad_json"
                                 << ""
                                 << "";
        QTest::newRow("truncated") << QByteArray(R"({"type":"ping","id":"a")") << "bad_json"
                                   << ""
                                   << "";
        QTest::newRow("array") << QByteArray(R"([{"type":"ping"}])") << "not_an_object"
                               << ""
                               << "";
        QTest::newRow("number") << QByteArray("42") << "bad_json"
                                << ""
                                << "";
        QTest::newRow("no type") << QByteArray(R"({"id":"a"})") << "missing_field"
                                 << "type"
                                 << "a";
        QTest::newRow("type not string") << QByteArray(R"({"type":7,"id":"a"})") << "missing_field"
                                         << "type"
                                         << "a";
        QTest::newRow("unknown type")
            << QByteArray(R"({"type":"vote.steal","id":"a"})") << "unknown_type"
            << "type"
            << "a";
        QTest::newRow("server type from client")
            << QByteArray(R"({"type":"event","id":"a"})") << "unknown_type"
            << "type"
            << "a";
        QTest::newRow("no id") << QByteArray(R"({"type":"ping"})") << "missing_field"
                               << "id"
                               << "";
        QTest::newRow("id not string") << QByteArray(R"({"type":"ping","id":5})") << "bad_field"
                                       << "id"
                                       << "";
        QTest::newRow("id with space") << QByteArray(R"({"type":"ping","id":"a b"})") << "bad_field"
                                       << "id"
                                       << "";
        QTest::newRow("id too long")
            << QByteArray(R"({"type":"ping","id":")") + QByteArray(65, 'a') + "\"}"
            << "bad_field"
            << "id"
            << "";
        QTest::newRow("unknown field")
            << QByteArray(R"({"type":"ping","id":"a","x":1})") << "bad_field"
            << "x"
            << "a";
        QTest::newRow("typo in field")
            << QByteArray(R"({"type":"agenda.add","id":"a","meeting":1,"titel":"x"})")
            << "bad_field"
            << "titel"
            << "a";
        QTest::newRow("fractional integer")
            << QByteArray(R"({"type":"subscribe","id":"a","meeting":1.5})") << "bad_field"
            << "meeting"
            << "a";
        QTest::newRow("integer out of range")
            << QByteArray(R"({"type":"subscribe","id":"a","meeting":0})") << "bad_field"
            << "meeting"
            << "a";
        QTest::newRow("huge integer")
            << QByteArray(R"({"type":"subscribe","id":"a","meeting":1e300})") << "bad_field"
            << "meeting"
            << "a";
        QTest::newRow("string too long")
            << QByteArray(R"({"type":"meeting.create","id":"a","title":")") + QByteArray(301, 'x')
                + "\"}"
            << "bad_field"
            << "title"
            << "a";
        QTest::newRow("empty required string")
            << QByteArray(R"({"type":"meeting.create","id":"a","title":""})") << "bad_field"
            << "title"
            << "a";
        QTest::newRow("control character")
            << QByteArray(R"({"type":"meeting.create","id":"a","title":"a\u0007b"})") << "bad_field"
            << "title"
            << "a";
        QTest::newRow("lone surrogate")
            << QByteArray(R"({"type":"meeting.create","id":"a","title":"a\ud800b"})") << "bad_field"
            << "title"
            << "a";
        QTest::newRow("not in choices") << QByteArray(
            R"({"type":"agenda.add","id":"a","meeting":1,"title":"x","kind":"party"})")
                                        << "bad_field"
                                        << "kind"
                                        << "a";
        QTest::newRow("nested object field") << QByteArray(
            R"({"type":"meeting.create","id":"a","title":"x","quorum":{"numerator":1,"denominator":2,"inclusive":true,"basis":"heads","extra":1}})")
                                             << "bad_field"
                                             << "quorum.extra"
                                             << "a";
        QTest::newRow("nested missing") << QByteArray(
            R"({"type":"meeting.create","id":"a","title":"x","quorum":{"numerator":1}})")
                                        << "missing_field"
                                        << "quorum.denominator"
                                        << "a";
        QTest::newRow("null for non-nullable")
            << QByteArray(R"({"type":"subscribe","id":"a","meeting":null})") << "bad_field"
            << "meeting"
            << "a";
        QTest::newRow("invalid utf-8")
            << QByteArray("{\"type\":\"ping\",\"id\":\"\xff\"}") << "bad_json"
            << ""
            << "";
        QTest::newRow("too large") << QByteArray(kMaxFrameBytes + 1, ' ') << "too_large"
                                   << ""
                                   << "";
    }

    void malformedFrames()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, code);
        QFETCH(QString, field);
        QFETCH(QString, id);
        QString requestId;
        auto parsed = parseMessage(input, Direction::ToServer, &requestId);
        QVERIFY(!parsed);
        QCOMPARE(errorCodeName(parsed.error().code), code);
        QCOMPARE(parsed.error().field, field);
        QVERIFY(!parsed.error().message.isEmpty());
        QCOMPARE(requestId, id);
        // The error reply for it is itself a valid server message.
        QVERIFY(validateMessage(errorReply(requestId, parsed.error()), Direction::ToClient));
    }

    // Titles and names are labels (protocol/text.h): the character that makes one unfit is
    // named, the form kept is NFC and trimmed, and free text (descriptions) keeps its lines.
    void labelsAreCheckedAndNormalised_data()
    {
        QTest::addColumn<QJsonObject>("message");
        QTest::addColumn<QString>("error"); // empty: accepted
        const auto agenda = [](const QString &title) {
            return QJsonObject {{QStringLiteral("type"), QStringLiteral("agenda.add")},
                {QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("meeting"), 1},
                {QStringLiteral("title"), title}};
        };
        QTest::newRow("plain") << agenda(QStringLiteral("Tờ trình số 12/TTr-UBND")) << QString();
        QTest::newRow("html is text")
            << agenda(QStringLiteral("<img src=x onerror=alert(1)>")) << QString();
        QTest::newRow("rlo") << agenda(QStringLiteral("Tờ trình \u202Efdp.exe"))
                             << QStringLiteral("title contains U+202E RIGHT-TO-LEFT OVERRIDE");
        QTest::newRow("line feed")
            << agenda(QStringLiteral("a\nb")) << QStringLiteral("title contains U+000A LINE FEED");
        QTest::newRow("blank") << agenda(QStringLiteral("   "))
                               << QStringLiteral("title must be 1 to 500 characters long, not 0");
        QJsonObject delegate {{QStringLiteral("type"), QStringLiteral("delegate.add")},
            {QStringLiteral("id"), QStringLiteral("a")}, {QStringLiteral("meeting"), 1},
            {QStringLiteral("name"), QStringLiteral("Nguyễn Văn A")},
            {QStringLiteral("group"), QStringLiteral("Tổ\u2060 1")}};
        QTest::newRow("group") << delegate << QStringLiteral("group contains U+2060 WORD JOINER");
        delegate.insert(QStringLiteral("group"), QStringLiteral("Tổ 1"));
        delegate.insert(QStringLiteral("seat"), QStringLiteral("A\uFEFF1"));
        QTest::newRow("seat") << delegate
                              << QStringLiteral("seat contains U+FEFF ZERO WIDTH NO-BREAK SPACE");
        QJsonObject withDescription = agenda(QStringLiteral("Báo cáo"));
        withDescription.insert(QStringLiteral("description"), QStringLiteral("Dòng 1\nDòng 2"));
        QTest::newRow("description keeps its lines") << withDescription << QString();
    }
    void labelsAreCheckedAndNormalised()
    {
        QFETCH(QJsonObject, message);
        QFETCH(QString, error);
        auto parsed = validateMessage(message, Direction::ToServer);
        if (error.isEmpty()) {
            QVERIFY2(parsed, parsed ? "" : qPrintable(parsed.error().message));
        } else {
            QVERIFY(!parsed);
            QCOMPARE(parsed.error().code, ErrorCode::BadField);
            QCOMPARE(parsed.error().message, error);
        }
    }

    void labelsAreKeptInNfc()
    {
        const QJsonObject message {{QStringLiteral("type"), QStringLiteral("meeting.create")},
            {QStringLiteral("id"), QStringLiteral("a")},
            {QStringLiteral("title"), QStringLiteral("  Ky\u0300 ho\u0323p  ")}, // NFD, padded
            {QStringLiteral("description"), QStringLiteral("  ho\u0323p ")}};
        auto parsed = validateMessage(message, Direction::ToServer);
        QVERIFY(parsed);
        QCOMPARE(parsed->string(QLatin1String("title")), QStringLiteral("Kỳ họp"));
        // Not a label: as sent.
        QCOMPARE(parsed->string(QLatin1String("description")), QStringLiteral("  ho\u0323p "));
    }

    void buildersProduceValidMessages()
    {
        const QJsonObject state {{QStringLiteral("id"), 1}};
        for (const QJsonObject &message : {okReply(QStringLiteral("a")),
                 okReply(QStringLiteral("a"), QJsonObject {{QStringLiteral("x"), 1}}, 5),
                 errorReply(QStringLiteral("a"),
                     makeError(ErrorCode::Conflict, QStringLiteral("no"), QStringLiteral("f"))),
                 errorReply({}, makeError(ErrorCode::BadJson, QStringLiteral("no"))),
                 snapshotMessage(1, 0, state), byeMessage(QStringLiteral("shutdown"))}) {
            auto parsed = validateMessage(message, Direction::ToClient);
            QVERIFY2(parsed, qPrintable(QString::fromUtf8(toFrame(message))));
        }
        Event event;
        event.meeting = 3;
        event.seq = 1;
        event.kind = QStringLiteral("meeting.created");
        event.time = QStringLiteral("2026-12-08T00:00:00.000Z");
        event.actor = QStringLiteral("admin");
        event.prevHash = genesisHash();
        event.seal();
        QVERIFY(validateMessage(event.toJson(), Direction::ToClient));
        auto back = Event::fromJson(event.toJson());
        QVERIFY(back);
        QCOMPARE(back->hash, event.hash);
        QCOMPARE(back->canonicalBytes(), event.canonicalBytes());
    }

    void errorCodesHaveStableNames()
    {
        for (int value = int(ErrorCode::BadJson); value <= int(ErrorCode::RateLimited); ++value) {
            const auto code = ErrorCode(value);
            ErrorCode back;
            QVERIFY(errorCodeFromName(errorCodeName(code), &back));
            QCOMPARE(back, code);
        }
        ErrorCode unused;
        QVERIFY(!errorCodeFromName(QStringLiteral("no_such_code"), &unused));
    }

    void protocolDocumentCoversEverything()
    {
        QFile file(QStringLiteral(CHAMBER_SOURCE_DIR "/server/protocol/PROTOCOL.md"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        for (const MessageSpec &spec : allMessages()) {
            // Each type has its own section "### `type`", listing each of its fields as `name`.
            const QString heading = QStringLiteral("### `%1`").arg(QLatin1String(spec.type));
            const qsizetype start = text.indexOf(heading);
            QVERIFY2(start >= 0, qPrintable(heading + QStringLiteral(" missing")));
            qsizetype end = text.indexOf(QStringLiteral("\n### "), start + 1);
            const QString section = text.mid(start, end < 0 ? -1 : end - start);
            for (const FieldSpec &field : spec.fields) {
                QVERIFY2(section.contains(QStringLiteral("`%1`").arg(QLatin1String(field.name))),
                    qPrintable(QStringLiteral("%1 does not document %2")
                                   .arg(QLatin1String(spec.type), QLatin1String(field.name))));
            }
        }
        for (int value = int(ErrorCode::BadJson); value <= int(ErrorCode::RateLimited); ++value) {
            const QString name = errorCodeName(ErrorCode(value));
            QVERIFY2(text.contains(QStringLiteral("`%1`").arg(name)), qPrintable(name));
        }
    }

    void pinsMatchOpenSsl()
    {
        // The pin we print must be what any standard tool computes for the same key.
        QTemporaryDir dir;
        QProcess openssl;
        chamber::testing::dieWithTest(openssl);
        openssl.setWorkingDirectory(dir.path());
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                QStringLiteral("-keyout"), QStringLiteral("k.pem"), QStringLiteral("-out"),
                QStringLiteral("c.pem"), QStringLiteral("-subj"), QStringLiteral("/CN=pin-test"),
                QStringLiteral("-days"), QStringLiteral("1")});
        if (!openssl.waitForFinished(20000) || openssl.exitCode() != 0)
            QSKIP("the openssl command is not available");
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("c.pem"),
                QStringLiteral("-pubkey"), QStringLiteral("-noout")});
        QVERIFY(openssl.waitForFinished(20000));
        const QByteArray publicPem = openssl.readAllStandardOutput();
        openssl.start(QStringLiteral("openssl"),
            {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-outform"),
                QStringLiteral("der")});
        openssl.write(publicPem);
        openssl.closeWriteChannel();
        QVERIFY(openssl.waitForFinished(20000));
        const QByteArray der = openssl.readAllStandardOutput();
        QVERIFY(!der.isEmpty());

        QFile certificateFile(dir.filePath(QStringLiteral("c.pem")));
        QVERIFY(certificateFile.open(QIODevice::ReadOnly));
        const QSslCertificate certificate(certificateFile.readAll());
        QCOMPARE(
            spkiSha256(certificate), QCryptographicHash::hash(der, QCryptographicHash::Sha256));
        QVERIFY(peerMatchesPin(certificate, spkiSha256(certificate)));
        QVERIFY(!peerMatchesPin(certificate, QByteArray(32, 'x')));
        QVERIFY(!peerMatchesPin(QSslCertificate(), spkiSha256(certificate)));
    }

    void pinTextForms()
    {
        const QByteArray digest = QCryptographicHash::hash("key", QCryptographicHash::Sha256);
        const QString text = formatPin(digest);
        QCOMPARE(text.size(), 43);
        QCOMPARE(parsePin(text), digest);
        QCOMPARE(parsePin(QString::fromLatin1(digest.toHex())), digest);
        QCOMPARE(parsePin(QString::fromLatin1(digest.toHex().toUpper())), digest);
        const QStringList bad {QString(), QStringLiteral("abc"), text.left(42),
            QString(text + u'A'), QString(64, u'g'), QString(text.left(42) + u'!')};
        for (const QString &text : bad)
            QVERIFY2(parsePin(text).isEmpty(), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "test_protocol.moc"
