// The minutes PDF (server/minutespdf): rendered from a hand-made model in Vietnamese and
// English, read back with pdftotext (every section, diacritics intact), rendered and signed
// twice to the same bytes, checked by poppler's pdfsig and by checkSignedMinutesPdf, a changed
// byte caught by both, malformed files refused with a clear error, the render job's JSON, the
// signing identity's files; and the recorded meeting fixture replayed into minutes.
#include "minutespdf/minutesidentity.h"
#include "minutespdf/minutesjob.h"
#include "minutespdf/minutesrender.h"
#include "minutespdf/pdfsigner.h"

#include "childprocess.h"
#include "minutesfixture.h"
#include "minutespdfsample.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::minutes;
using namespace chamber::minutespdf;
using chamber::testing::minutessample::sampleModel;
namespace fx = chamber::testing::minutesfixture;

namespace {

QString sha(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

MinutesStamp stampOf(const MinutesModel &model, MinutesLanguage language)
{
    return MinutesStamp {model.meeting, model.seq, model.lastEventHash, model.lastEventTime,
        minutesKindName(model.kind), minutesLanguageCode(language), model.modelSha256()};
}

struct Run
{
    int exitCode = -1;
    QString output;
};

// A poppler tool on a PDF written to `dir`.
Run runTool(const QString &program, const QStringList &arguments)
{
    QProcess process;
    chamber::testing::dieWithTest(process);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    if (!process.waitForFinished(60000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
        QString::fromUtf8(process.readAll())};
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile file(dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(file.fileName()));
    return file.fileName();
}

// The text pdftotext reads, twice: in layout mode (a table row stays one line) and in reading
// order (the heading's two columns stay apart), each with single spaces between words.
QString pdfText(const QTemporaryDir &dir, const QByteArray &pdf)
{
    const QString path = writeFile(dir, QStringLiteral("text.pdf"), pdf);
    QStringList texts;
    for (const QStringList &mode : {QStringList {QStringLiteral("-layout")}, QStringList()}) {
        const Run run = runTool(QStringLiteral("pdftotext"),
            mode
                + QStringList {
                    QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-")});
        if (run.exitCode != 0)
            qWarning("pdftotext failed (poppler-utils installed?): %s", qPrintable(run.output));
        texts.append(run.output.simplified());
    }
    return texts.join(QStringLiteral("\n\n"));
}

// Every phrase is in the text; otherwise says which are missing, and shows the text once.
bool containsAll(const QString &text, const QStringList &phrases)
{
    QStringList missing;
    for (const QString &phrase : phrases) {
        if (!text.contains(phrase))
            missing.append(phrase);
    }
    if (!missing.isEmpty())
        qWarning("missing:\n  %s\nin the text:\n%s",
            qPrintable(missing.join(QStringLiteral("\n  "))), qPrintable(text));
    return missing.isEmpty();
}

Run pdfsig(const QTemporaryDir &dir, const QByteArray &pdf)
{
    return runTool(QStringLiteral("pdfsig"), {writeFile(dir, QStringLiteral("sig.pdf"), pdf)});
}

QString u(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

std::vector<protocol::Event> fixtureEvents()
{
    QFile file(fx::minutesFixturePath());
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("cannot read the fixture %s", qPrintable(file.fileName()));
        return {};
    }
    std::vector<protocol::Event> events;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.isEmpty())
            continue;
        auto event = protocol::Event::fromJson(QJsonDocument::fromJson(line).object());
        if (!event)
            qFatal("fixture line unreadable: %s", qPrintable(event.error().message));
        events.push_back(event.value());
    }
    return events;
}

} // namespace

class TestMinutesPdf : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<MinutesIdentity> m_identity;

    const MinutesIdentity &identity()
    {
        if (!m_identity) {
            auto loaded
                = loadOrCreateMinutesIdentity(m_dir.filePath(QStringLiteral("minutes-signing")));
            if (!loaded)
                qFatal("%s", qPrintable(loaded.error().message));
            m_identity = loaded.value();
        }
        return *m_identity;
    }

    QByteArray signedSample(MinutesLanguage language)
    {
        const MinutesModel model = sampleModel();
        const QByteArray pdf = renderMinutesPdf(model, language);
        auto signedPdf = signMinutesPdf(pdf, stampOf(model, language), identity());
        if (!signedPdf)
            qFatal("%s", qPrintable(signedPdf.error().message));
        return signedPdf.value();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void identityIsOwnerOnlyAndKept()
    {
        const QString directory = m_dir.filePath(QStringLiteral("identity"));
        const auto created = loadOrCreateMinutesIdentity(directory);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QCOMPARE(QFileInfo(directory).permissions() & 0x0077, QFileDevice::Permissions());
        for (const char *name : {"key.pem", "cert.pem"}) {
            const QFileInfo file(directory + QLatin1Char('/') + QLatin1String(name));
            QVERIFY(file.exists());
            QCOMPARE(file.permissions()
                    & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                        | QFileDevice::WriteUser),
                QFileDevice::Permissions());
        }
        QCOMPARE(created->fingerprint.size(), 64);
        QCOMPARE(created->fingerprint, sha(created->certificateDer));
        QVERIFY(created->certificatePem().startsWith("-----BEGIN CERTIFICATE-----"));
        const auto again = loadOrCreateMinutesIdentity(directory);
        QVERIFY(again);
        QCOMPARE(again->fingerprint, created->fingerprint);
        QCOMPARE(again->keyPem, created->keyPem);

        // Another identity's certificate beside this key: refused, nothing overwritten.
        const auto other = loadOrCreateMinutesIdentity(m_dir.filePath(QStringLiteral("other")));
        QVERIFY(other);
        QFile certificate(directory + QStringLiteral("/cert.pem"));
        QVERIFY(certificate.open(QIODevice::WriteOnly));
        certificate.write(other->certificatePem());
        certificate.close();
        const auto mismatched = loadOrCreateMinutesIdentity(directory);
        QVERIFY(!mismatched);
        QVERIFY2(mismatched.error().message.contains(QLatin1String("do not belong together")),
            qPrintable(mismatched.error().message));
        QFile key(directory + QStringLiteral("/key.pem"));
        QVERIFY(key.open(QIODevice::ReadOnly));
        QCOMPARE(key.readAll(), created->keyPem);
    }

    void vietnameseHasEverySection()
    {
        const QString text
            = pdfText(m_dir, renderMinutesPdf(sampleModel(), MinutesLanguage::Vietnamese));
        const QStringList expected = {
            QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            QStringLiteral("Độc lập - Tự do - Hạnh phúc"),
            QStringLiteral("HỘI ĐỒNG NHÂN DÂN PHƯỜNG BẾN NGHÉ"),
            QStringLiteral("Ngày 07 tháng 12 năm 2026"),
            QStringLiteral("BIÊN BẢN"),
            QStringLiteral("Kỳ họp thứ mười hai"),
            QStringLiteral("Kỳ họp chuyên đề về ngân sách năm 2027"),
            QStringLiteral("I. THỜI GIAN, ĐỊA ĐIỂM VÀ THÀNH PHẦN"),
            QStringLiteral("bắt đầu lúc 08:02 ngày 07/12/2026; kết thúc lúc 11:15 ngày 07/12/2026"),
            QStringLiteral("Hội trường tầng 3, số 12 Lê Lai"),
            QStringLiteral("Chủ tọa: Trần Thị Hồng Nhung"),
            QStringLiteral("Thư ký: Lê Quốc Khánh"),
            QStringLiteral("tổng số 6; có mặt 4, vắng mặt 2"),
            QStringLiteral("II. ĐẠI BIỂU THAM DỰ"),
            QStringLiteral("Phạm Thị Thủy"),
            QStringLiteral("08:40 - kết thúc"), // arrived late
            QStringLiteral("07:58 - 10:00"), // left early
            QStringLiteral("Đại biểu vắng mặt"),
            QStringLiteral("Đi công tác tại Đà Nẵng"),
            QStringLiteral("không có lý do"),
            QStringLiteral("III. NỘI DUNG VÀ DIỄN BIẾN KỲ HỌP"),
            QStringLiteral("1. Dự toán ngân sách phường năm 2027"),
            QStringLiteral("Tờ trình dự toán ngân sách"),
            QString(64, QLatin1Char('d')),
            QStringLiteral("Ý kiến phát biểu"),
            QStringLiteral("08:20:00 - 08:24:05"),
            QStringLiteral("4:05"),
            QString(64, QLatin1Char('1')),
            QStringLiteral("(điểm cầu)"),
            QStringLiteral("không đầy đủ: chamber-media stopped during the speech"),
            QStringLiteral("Không ghi âm được: chamber-media is not running"),
            QStringLiteral("Biểu quyết: Thông qua dự toán ngân sách"),
            QStringLiteral("biểu quyết công khai, ghi danh"),
            QStringLiteral("Nguyên tắc: quá một nửa tổng số đại biểu, tính theo số người"),
            QStringLiteral("có mặt ít nhất hai phần ba tổng số đại biểu"),
            QStringLiteral("Tán thành"),
            QStringLiteral("Không tán thành"),
            QStringLiteral("Kết quả: THÔNG QUA"),
            QStringLiteral("Danh sách biểu quyết"),
            QStringLiteral("Bỏ phiếu thay (ủy quyền)"),
            QStringLiteral("bỏ phiếu kín"),
            QStringLiteral("TRÚNG CỬ: Đặng Ngọc Ánh"),
            QStringLiteral("7KQ2-M4TZ"),
            QStringLiteral("Kết luận"),
            QStringLiteral("Thông qua dự toán ngân sách năm 2027."),
            QStringLiteral("IV. CÁC ĐIỂM CẦU"),
            QStringLiteral("Điểm cầu Khu phố 3"),
            QStringLiteral("V. BẾ MẠC"),
            QStringLiteral("Kỳ họp kết thúc lúc 11:15 ngày 07/12/2026."),
            QStringLiteral("THƯ KÝ"),
            QStringLiteral("CHỦ TỌA"),
            QStringLiteral("(Ký, ghi rõ họ tên)"),
            QStringLiteral("Lập từ nhật ký sự kiện đến sự kiện số 58, mã băm ")
                + QString(64, QLatin1Char('c')),
            QStringLiteral("Trang 1/"),
        };
        QVERIFY2(containsAll(text, expected), "phrases missing from the text (above)");
        QVERIFY(!text.contains(QLatin1String("SOCIALIST REPUBLIC")));
    }

    void englishHasEverySection()
    {
        const QString text
            = pdfText(m_dir, renderMinutesPdf(sampleModel(), MinutesLanguage::English));
        const QStringList expected = {
            QStringLiteral("SOCIALIST REPUBLIC OF VIETNAM"),
            QStringLiteral("Independence - Freedom - Happiness"),
            QStringLiteral("HỘI ĐỒNG NHÂN DÂN PHƯỜNG BẾN NGHÉ"),
            QStringLiteral("MINUTES"),
            QStringLiteral("I. TIME, PLACE AND PARTICIPANTS"),
            QStringLiteral("II. ATTENDANCE"),
            QStringLiteral("Absent delegates"),
            QStringLiteral("no reason given"),
            QStringLiteral("III. PROCEEDINGS"),
            QStringLiteral("Documents"),
            QStringLiteral("Speeches"),
            QStringLiteral("(bridge point)"),
            QStringLiteral("Poll: Thông qua dự toán ngân sách"),
            QStringLiteral("named vote (roll call below)"),
            QStringLiteral("Rule: more than one half of all members, counted by heads"),
            QStringLiteral("quorum: at least two thirds of the members must be present"),
            QStringLiteral("Outcome: PASSED"),
            QStringLiteral("secret ballot (receipts below)"),
            QStringLiteral("ELECTED: Đặng Ngọc Ánh"),
            QStringLiteral("Conclusions"),
            QStringLiteral("IV. BRIDGE POINTS"),
            QStringLiteral("V. CLOSING"),
            QStringLiteral("SECRETARY"),
            QStringLiteral("CHAIRPERSON"),
            QStringLiteral("Made from the event log up to event 58, hash ")
                + QString(64, QLatin1Char('c')),
            QStringLiteral("Page 1 of"),
        };
        QVERIFY2(containsAll(text, expected), "phrases missing from the text (above)");
        QVERIFY(!text.contains(QStringLiteral("BIÊN BẢN")));
    }

    void draftSaysSo()
    {
        MinutesModel model = sampleModel();
        model.kind = MinutesKind::Draft;
        model.endedAt.clear();
        const QString text = pdfText(m_dir, renderMinutesPdf(model, MinutesLanguage::Vietnamese));
        QVERIFY(containsAll(text,
            {QStringLiteral("DỰ THẢO"),
                QStringLiteral("Kỳ họp chưa kết thúc khi lập biên bản này.")}));
    }

    void sameModelSameBytes()
    {
        for (const MinutesLanguage language :
            {MinutesLanguage::Vietnamese, MinutesLanguage::English}) {
            const QByteArray first = renderMinutesPdf(sampleModel(), language);
            QVERIFY(first.startsWith("%PDF-"));
            QCOMPARE(sha(renderMinutesPdf(sampleModel(), language)), sha(first));
            // The creation date is the last event's, not the clock's.
            QVERIFY(first.contains("/CreationDate (D:20261207041530"));
        }
        QCOMPARE(sha(signedSample(MinutesLanguage::Vietnamese)),
            sha(signedSample(MinutesLanguage::Vietnamese)));
        QVERIFY(
            signedSample(MinutesLanguage::Vietnamese) != signedSample(MinutesLanguage::English));
    }

    void signatureHoldsForPdfsigAndChecker()
    {
        const QByteArray pdf = signedSample(MinutesLanguage::Vietnamese);
        const Run sig = pdfsig(m_dir, pdf);
        QVERIFY2(sig.output.contains(QLatin1String("Signature is Valid")), qPrintable(sig.output));
        QVERIFY2(
            sig.output.contains(QLatin1String("Total document signed")), qPrintable(sig.output));
        QVERIFY2(sig.output.contains(QLatin1String("Signing Time: Dec 07 2026")),
            qPrintable(sig.output));
        const Run qpdf = runTool(QStringLiteral("qpdf"),
            {QStringLiteral("--check"), writeFile(m_dir, QStringLiteral("check.pdf"), pdf)});
        QVERIFY2(qpdf.exitCode == 0, qPrintable(qpdf.output));

        const auto check = checkSignedMinutesPdf(pdf);
        QVERIFY2(check, qPrintable(check ? QString() : check.error().message));
        QVERIFY2(check->signatureValid, qPrintable(check->problem));
        QVERIFY(check->coversWholeFile);
        QVERIFY(check->problem.isEmpty());
        QCOMPARE(check->certificateFingerprint, identity().fingerprint);
        QCOMPARE(check->certificateDer, identity().certificateDer);
        QCOMPARE(check->stamp, stampOf(sampleModel(), MinutesLanguage::Vietnamese));
        // The stamp is readable by people too, and the signed text survives signing.
        QVERIFY(pdf.contains("/Keywords (chamber-minutes meeting=7 seq=58"));
        QVERIFY(pdfText(m_dir, pdf).contains(QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")));
    }

    void oneChangedByteFailsBoth_data()
    {
        QTest::addColumn<qsizetype>("offset"); // from the start; negative: from the signature
        // A byte of the page content, of the signed Info (the stamp), of the trailer.
        QTest::newRow("page content") << qsizetype(2000);
        QTest::newRow("stamp") << qsizetype(-1);
        QTest::newRow("last bytes") << qsizetype(-2);
    }
    void oneChangedByteFailsBoth()
    {
        QFETCH(qsizetype, offset);
        QByteArray pdf = signedSample(MinutesLanguage::Vietnamese);
        if (offset == -1)
            offset = pdf.lastIndexOf("/ChamberSeq 58") + 12; // 58 -> 59
        else if (offset == -2)
            offset = pdf.lastIndexOf("/Prev ") + 2; // /Prev -> /Pvev: a structure change
        pdf[offset] = char(pdf[offset] + 1);
        const Run sig = pdfsig(m_dir, pdf);
        QVERIFY2(!sig.output.contains(QLatin1String("Signature is Valid")), qPrintable(sig.output));
        const auto check = checkSignedMinutesPdf(pdf);
        if (check) {
            QVERIFY(!check->signatureValid);
            QVERIFY2(check->problem.contains(QLatin1String("changed")), qPrintable(check->problem));
        } else {
            QVERIFY(!check.error().message.isEmpty());
        }
    }

    void appendedBytesAreNotCovered()
    {
        QByteArray pdf = signedSample(MinutesLanguage::English);
        // A later incremental update (as an editor would append) is outside the signature.
        pdf += pdf.mid(pdf.lastIndexOf("xref"));
        const auto check = checkSignedMinutesPdf(pdf);
        if (check) {
            QVERIFY(!check->coversWholeFile);
            QVERIFY(!check->problem.isEmpty());
        }
        const Run sig = pdfsig(m_dir, pdf);
        QVERIFY2(
            !sig.output.contains(QLatin1String("Total document signed")), qPrintable(sig.output));
    }

    void malformedIsRefused_data()
    {
        QTest::addColumn<QByteArray>("pdf");
        QTest::addColumn<QString>("message");
        const QByteArray good = signedSample(MinutesLanguage::English);
        const QByteArray plain = renderMinutesPdf(sampleModel(), MinutesLanguage::English);
        const qsizetype contents = good.lastIndexOf("/Contents <") + 10;
        const qsizetype byteRange = good.lastIndexOf("/ByteRange [0 ") + 14;
        QByteArray outOfFile = good;
        outOfFile.replace(byteRange, 10, "9999999999");
        QByteArray notHex = good;
        notHex[contents + 1] = 'x';
        QByteArray noStamp = good;
        noStamp.replace(noStamp.lastIndexOf("/ChamberSeq"), 11, "/ChamberSez");
        // The offset after startxref one to nine bytes off: no "xref" there.
        QByteArray badStartxref = good;
        const qsizetype lastDigit = badStartxref.lastIndexOf("\n%%EOF") - 1;
        badStartxref[lastDigit] = char('0' + (badStartxref[lastDigit] - '0' + 5) % 10);
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a PDF");
        QTest::newRow("text") << QByteArray("hello") << QStringLiteral("not a PDF");
        QTest::newRow("unsigned") << plain << QStringLiteral("no signature field");
        QTest::newRow("truncated") << good.left(good.size() / 2) << QStringLiteral("startxref");
        QTest::newRow("after eof") << good + "junk" << QStringLiteral("after %%EOF");
        QTest::newRow("startxref") << badStartxref << QStringLiteral("cross-reference");
        QTest::newRow("byterange") << outOfFile << QStringLiteral("/ByteRange");
        QTest::newRow("contents") << notHex << QStringLiteral("hex string");
        QTest::newRow("no stamp") << noStamp << QStringLiteral("Chamber stamp");
        QByteArray nested = "%PDF-1.4\n1 0 obj\n" + QByteArray(200, '[') + "\nendobj\n";
        const qsizetype nestedXref = nested.size();
        nested += "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Root 1 0 R "
                  "/Info 1 0 R >>\nstartxref\n"
            + QByteArray::number(nestedXref) + "\n%%EOF\n";
        QTest::newRow("deep nesting") << nested << QStringLiteral("nested too deeply");
    }
    void malformedIsRefused()
    {
        QFETCH(QByteArray, pdf);
        QFETCH(QString, message);
        const auto check = checkSignedMinutesPdf(pdf);
        QVERIFY2(!check, check ? qPrintable(check->problem) : "");
        QVERIFY2(check.error().message.contains(message), qPrintable(check.error().message));
        QCOMPARE(check.error().code, ErrorCode::Invalid);
    }

    void signingRefusesBadInput()
    {
        const MinutesModel model = sampleModel();
        const QByteArray pdf = renderMinutesPdf(model, MinutesLanguage::English);
        MinutesStamp stamp = stampOf(model, MinutesLanguage::English);
        stamp.lastEventHash = QStringLiteral("(not hex)");
        auto refused = signMinutesPdf(pdf, stamp, identity());
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, QStringLiteral("lastEventHash"));
        stamp = stampOf(model, MinutesLanguage::English);
        stamp.kind = QStringLiteral("final) /Evil (");
        QCOMPARE(signMinutesPdf(pdf, stamp, identity()).error().field, QStringLiteral("kind"));
        // Signing twice is refused: the signed file already has an update.
        const auto once = signMinutesPdf(pdf, stampOf(model, MinutesLanguage::English), identity());
        QVERIFY(once);
        QVERIFY(
            !signMinutesPdf(once.value(), stampOf(model, MinutesLanguage::English), identity()));
        QVERIFY(!signMinutesPdf(
            QByteArray("%PDF-1.4\n"), stampOf(model, MinutesLanguage::English), identity()));
    }

    void jobRoundTrips()
    {
        const MinutesModel model = sampleModel();
        const auto job = parseMinutesJob(minutesJobToJson(model, MinutesLanguage::English));
        QVERIFY2(job, qPrintable(job ? QString() : job.error().message));
        QCOMPARE(job->language, MinutesLanguage::English);
        QCOMPARE(job->model.modelSha256(), model.modelSha256());
        QCOMPARE(sha(renderMinutesPdf(job->model, job->language)),
            sha(renderMinutesPdf(model, MinutesLanguage::English)));
    }

    void malformedJobIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        const QJsonObject model = sampleModel().toJson();
        const auto job = [&](const QJsonValue &modelValue, const QJsonValue &language) {
            return QJsonDocument(QJsonObject {{QStringLiteral("model"), modelValue},
                                     {QStringLiteral("language"), language}})
                .toJson(QJsonDocument::Compact);
        };
        QJsonObject noMeeting = model;
        noMeeting.remove(QStringLiteral("meeting"));
        QTest::newRow("not json") << QByteArray("%PDF") << QString();
        QTest::newRow("array") << QByteArray("[]") << QString();
        QTest::newRow("language") << job(model, QStringLiteral("fr")) << QStringLiteral("language");
        QTest::newRow("language number") << job(model, 1) << QStringLiteral("language");
        QTest::newRow("model string")
            << job(QStringLiteral("x"), QStringLiteral("vi")) << QStringLiteral("model");
        QTest::newRow("model incomplete")
            << job(noMeeting, QStringLiteral("vi")) << QStringLiteral("model.meeting");
    }
    void malformedJobIsRefused()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto job = parseMinutesJob(json);
        QVERIFY(!job);
        QVERIFY(!job.error().message.isEmpty());
        if (!field.isEmpty())
            QVERIFY2(job.error().field.startsWith(field), qPrintable(job.error().field));
    }

    void tooLargeJobIsRefused()
    {
        const auto job = parseMinutesJob(QByteArray(kMaxMinutesJobBytes + 1, ' '));
        QVERIFY(!job);
        QCOMPARE(job.error().code, ErrorCode::TooLarge);
    }

    void renderChildWritesThePdf()
    {
        const MinutesModel model = sampleModel();
        QProcess child;
        chamber::testing::dieWithTest(child);
        child.start(QStringLiteral(CHAMBER_BIN_DIR "/chamberd"),
            {QString::fromLatin1(kRenderMinutesArgument)});
        QVERIFY(child.waitForStarted());
        child.write(minutesJobToJson(model, MinutesLanguage::Vietnamese));
        child.closeWriteChannel();
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitCode(), 0);
        QCOMPARE(sha(child.readAllStandardOutput()),
            sha(renderMinutesPdf(model, MinutesLanguage::Vietnamese)));

        QProcess refused;
        chamber::testing::dieWithTest(refused);
        refused.start(QStringLiteral(CHAMBER_BIN_DIR "/chamberd"),
            {QString::fromLatin1(kRenderMinutesArgument)});
        QVERIFY(refused.waitForStarted());
        refused.write("{\"language\":\"vi\"}");
        refused.closeWriteChannel();
        QVERIFY(refused.waitForFinished(60000));
        QCOMPARE(refused.exitCode(), 1);
        QVERIFY(refused.readAllStandardOutput().isEmpty());
        QVERIFY(refused.readAllStandardError().contains("model"));
    }

    // The recorded meeting (tests/data/minutes/meeting.jsonl) through MinutesBuilder into
    // signed minutes; what pdftotext reads is checked against the fixture's own constants.
    void recordedMeetingReplaysIntoMinutes()
    {
        const std::vector<protocol::Event> events = fixtureEvents();
        QVERIFY2(!events.empty(), "the recorded meeting fixture is missing");
        const auto built = buildMinutes(events);
        QVERIFY2(built, qPrintable(built ? QString() : built.error().message));
        const MinutesModel &model = built.value();
        QCOMPARE(model.kind, MinutesKind::Final);
        const QString lastHash = QString::fromLatin1(events.back().hash.toHex());
        const QString lastSeq = QString::number(events.back().seq);

        const QByteArray vi = renderMinutesPdf(model, MinutesLanguage::Vietnamese);
        QCOMPARE(sha(renderMinutesPdf(model, MinutesLanguage::Vietnamese)), sha(vi));
        const auto signedVi
            = signMinutesPdf(vi, stampOf(model, MinutesLanguage::Vietnamese), identity());
        QVERIFY(signedVi);
        const Run sig = pdfsig(m_dir, signedVi.value());
        QVERIFY2(sig.output.contains(QLatin1String("Signature is Valid")), qPrintable(sig.output));
        const auto check = checkSignedMinutesPdf(signedVi.value());
        QVERIFY(check && check->signatureValid && check->coversWholeFile);
        QCOMPARE(check->stamp.seq, events.back().seq);
        QCOMPARE(check->stamp.lastEventHash, lastHash);

        const QString text = pdfText(m_dir, signedVi.value());
        QStringList expected = {
            QStringLiteral("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            QStringLiteral("Độc lập - Tự do - Hạnh phúc"),
            u(fx::kOrganisation),
            QStringLiteral("BIÊN BẢN"),
            u(fx::kSession),
            u(fx::kTitle),
            QStringLiteral("bắt đầu lúc 08:00 ngày 08/12/2026; kết thúc lúc 11:00 ngày 08/12/2026"),
            u(fx::kVenue),
            QStringLiteral("Chủ tọa: ") + u(fx::kChairperson),
            QStringLiteral("Thư ký: ") + u(fx::kSecretary),
            QStringLiteral("Hoàng Minh Tuấn Tổ đại biểu huyện Thanh Liêm 08:40 - kết thúc"),
            QStringLiteral("Phạm Thị Lan Tổ đại biểu huyện Kim Bảng 07:55 - 10:30"),
            QStringLiteral("B3 Vũ Thị Mai ") + u(fx::kExcuse),
            QStringLiteral("B4 Đặng Văn Khoa không có lý do"),
            u(fx::kReportTitle) + QStringLiteral(" ") + QString::number(fx::kReportPages),
            QStringLiteral("Giải lao: Nghỉ giải lao"),
            QStringLiteral("(điểm cầu)"),
            QStringLiteral("08:10:00 - 08:16:00"),
            QStringLiteral("08:16:00 - 08:20:30"),
            QStringLiteral("Bản ghi âm 1: 6:00"),
            QStringLiteral("không đầy đủ: ") + u(fx::kPartialNote),
            QStringLiteral("Không ghi âm được: ") + u(fx::kFailure),
            QStringLiteral("Bản ghi âm 2:"), // Tuấn's second segment
            QStringLiteral("Biểu quyết: ") + u(fx::kNamedPoll),
            QStringLiteral("biểu quyết công khai, ghi danh"),
            QStringLiteral("Biểu quyết: ") + u(fx::kSecretPoll),
            QStringLiteral("bỏ phiếu kín"),
            QStringLiteral("Số phiếu: %1;").arg(fx::kSecretBallots),
            QStringLiteral("Mã biên nhận phiếu"),
            u(fx::kConclusionOnPoll),
            QStringLiteral("IV. CÁC ĐIỂM CẦU"),
            u(fx::kBridgeLabel),
            QStringLiteral("V. BẾ MẠC"),
            QStringLiteral("Lập từ nhật ký sự kiện đến sự kiện số %1, mã băm %2")
                .arg(lastSeq, lastHash),
        };
        for (const fx::FixtureDelegate &delegate : fx::kDelegates)
            expected.append(u(delegate.name));
        for (const fx::FixtureItem &item : fx::kItems) {
            if (item.number[0] != '\0')
                expected.append(u(item.number) + QStringLiteral(". ") + u(item.title));
        }
        const std::map<QString, QString> choices
            = {{QStringLiteral("yes"), QStringLiteral("Tán thành")},
                {QStringLiteral("no"), QStringLiteral("Không tán thành")},
                {QStringLiteral("abstain"), QStringLiteral("Không biểu quyết")}};
        for (const fx::FixtureVote &vote : fx::kRollCall) {
            for (const fx::FixtureDelegate &delegate : fx::kDelegates) {
                if (qstrcmp(delegate.seat, vote.seat) == 0)
                    expected.append(u(vote.seat) + QLatin1Char(' ') + u(delegate.name)
                        + QLatin1Char(' ') + choices.at(u(vote.choice)));
            }
        }
        QVERIFY2(containsAll(text, expected), "phrases missing from the text (above)");
        QVERIFY(!text.contains(QStringLiteral("DỰ THẢO")));

        const QByteArray en = renderMinutesPdf(model, MinutesLanguage::English);
        const auto signedEn
            = signMinutesPdf(en, stampOf(model, MinutesLanguage::English), identity());
        QVERIFY(signedEn);
        const QString english = pdfText(m_dir, signedEn.value());
        const QStringList expectedEnglish = {
            QStringLiteral("SOCIALIST REPUBLIC OF VIETNAM"),
            QStringLiteral("Independence - Freedom - Happiness"),
            u(fx::kOrganisation),
            QStringLiteral("MINUTES"),
            QStringLiteral("began at 08:00 on 08/12/2026; ended at 11:00 on 08/12/2026"),
            QStringLiteral("B3 Vũ Thị Mai ") + u(fx::kExcuse),
            QStringLiteral("B4 Đặng Văn Khoa no reason given"),
            QStringLiteral("Break: Nghỉ giải lao"),
            QStringLiteral("(bridge point)"),
            QStringLiteral("partial: ") + u(fx::kPartialNote),
            QStringLiteral("Not recorded: ") + u(fx::kFailure),
            QStringLiteral("Poll: ") + u(fx::kNamedPoll),
            QStringLiteral("named vote (roll call below)"),
            QStringLiteral("Poll: ") + u(fx::kSecretPoll),
            QStringLiteral("secret ballot (receipts below)"),
            QStringLiteral("A3 Lê Văn Nam No"),
            QStringLiteral("B2 Hoàng Minh Tuấn Abstain"),
            u(fx::kConclusionOnPoll),
            QStringLiteral("IV. BRIDGE POINTS"),
            QStringLiteral("V. CLOSING"),
            QStringLiteral("Made from the event log up to event %1, hash %2")
                .arg(lastSeq, lastHash),
        };
        QVERIFY2(containsAll(english, expectedEnglish), "phrases missing from the text (above)");
    }
};

QTEST_MAIN(TestMinutesPdf)
#include "test_minutes_pdf.moc"
