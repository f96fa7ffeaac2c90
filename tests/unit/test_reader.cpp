// The phone reader without the network: reader links (format, parser, malformed links), the
// request parser (paths, page numbers, widths), the token store (only hashes kept, expiry,
// revocation by DELETE and with the delegate's tablet, who may ask), and page rendering of a
// real Vietnamese PDF with its disk cache.
#include "commands.h"
#include "core/meeting.h"
#include "pdfmaker.h"
#include "protocol/readerlink.h"
#include "services/demoseed.h"
#include "services/devices.h"
#include "services/enrollment.h"
#include "services/meetingservice.h"
#include "services/pagerenderer.h"
#include "services/readerlinks.h"
#include "storage/eventstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::services;
using chamber::testing::command;

namespace {

const QString kToken = QStringLiteral("abcdefghijklmnopqrstuvwxyz012345");
const QString kSha = QString(64, QLatin1Char('a'));

} // namespace

class TestReader : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<storage::EventStore> m_store;
    std::unique_ptr<MeetingService> m_meetings;
    std::unique_ptr<DeviceRegistry> m_devices;
    std::unique_ptr<EnrollmentService> m_enrollment;
    std::unique_ptr<ReaderLinkService> m_links;
    QDateTime m_now = QDateTime(QDate(2026, 12, 8), QTime(8, 0), Qt::UTC);
    qint64 m_meeting = 0;

    Principal seat(qint64 delegate)
    {
        auto code = m_enrollment->createJoinCode(m_meeting, DeviceRole::Delegate, delegate, {});
        auto enrolled = m_enrollment->redeem(code->token, QStringLiteral("tablet"), {});
        return *m_devices->authenticate(enrolled->credential);
    }

    QString reason(const Error &error)
    {
        return error.details.at(0).toObject().value(QLatin1String("reason")).toString();
    }

private Q_SLOTS:
    void init()
    {
        m_links.reset();
        m_enrollment.reset();
        m_devices.reset();
        m_meetings.reset();
        m_store = std::move(storage::EventStore::openInMemory().value());
        m_meetings = std::make_unique<MeetingService>(*m_store);
        m_devices = std::make_unique<DeviceRegistry>(*m_store);
        m_links = std::make_unique<ReaderLinkService>(*m_store, *m_meetings);
        m_links->setClock([this] { return m_now; });
        // Wired as chamberd wires them.
        m_meetings->setProjection(
            [this](storage::Database &db, const std::vector<storage::PendingEvent> &events) {
                if (auto status = m_devices->project(db, events); !status)
                    return status;
                return m_links->project(db, events);
            });
        connect(m_meetings.get(), &MeetingService::eventsCommitted, this,
            [this](qint64, const std::vector<protocol::Event> &events) {
                m_devices->forgetRevoked(events);
            });
        m_enrollment = std::make_unique<EnrollmentService>(*m_store, *m_meetings, *m_devices);
        QVERIFY(m_meetings->load());
        auto seeded = seedDemoMeeting(*m_meetings);
        QVERIFY(seeded);
        m_meeting = seeded.value();
    }

    // --- links and requests -------------------------------------------------------------

    void linkRoundTrip()
    {
        const protocol::ReaderLink link {QStringLiteral("192.168.1.10"), 8443, kToken};
        QCOMPARE(link.toString(), QStringLiteral("https://192.168.1.10:8443/read#t=") + kToken);
        auto parsed = protocol::parseReaderLink(link.toString());
        QVERIFY(parsed);
        QCOMPARE(parsed->host, link.host);
        QCOMPARE(parsed->port, link.port);
        QCOMPARE(parsed->token, kToken);
        const protocol::ReaderLink v6 {QStringLiteral("fd00::1"), 443, kToken};
        QCOMPARE(protocol::parseReaderLink(v6.toString())->host, QStringLiteral("fd00::1"));
    }

    void malformedLinks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("join link") << QStringLiteral("https://h:1/join#v=1&t=") + kToken;
        QTest::newRow("http") << QStringLiteral("http://h:1/read#t=") + kToken;
        QTest::newRow("no token") << QStringLiteral("https://h:1/read");
        QTest::newRow("short token") << QStringLiteral("https://h:1/read#t=abc");
        QTest::newRow("bad characters")
            << QStringLiteral("https://h:1/read#t=") + QString(32, u'+');
        QTest::newRow("two parts")
            << QStringLiteral("https://h:1/read#t=") + kToken + QStringLiteral("&x=1");
        QTest::newRow("token twice")
            << QStringLiteral("https://h:1/read#t=") + kToken + QStringLiteral("&t=") + kToken;
        QTest::newRow("query") << QStringLiteral("https://h:1/read?t=") + kToken;
        QTest::newRow("user info") << QStringLiteral("https://u@h:1/read#t=") + kToken;
        QTest::newRow("huge") << QStringLiteral("https://h/read#t=") + QString(5000, u'a');
    }

    void malformedLinks()
    {
        QFETCH(QString, text);
        auto parsed = protocol::parseReaderLink(text);
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, ErrorCode::Invalid);
        QVERIFY(!parsed.error().message.isEmpty());
    }

    void tokenFromHeader()
    {
        QCOMPARE(protocol::readerTokenFromHeader("Bearer " + kToken.toLatin1()).value(), kToken);
        const QByteArray token = kToken.toLatin1();
        const QList<QByteArray> bad {QByteArray(), QByteArray("Bearer"), QByteArray("Basic abc"),
            QByteArray("Bearer ") + token.left(31), QByteArray("Bearer ") + token + 'x',
            QByteArray("bearer ") + token, QByteArray("Bearer ") + QByteArray(32, '/')};
        for (const QByteArray &header : bad) {
            auto refused = protocol::readerTokenFromHeader(header);
            QVERIFY2(!refused, header.constData());
            QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        }
    }

    void requests_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("kind"); // -1: refused
        QTest::addColumn<int>("page");
        QTest::addColumn<int>("width");
        using K = protocol::ReaderRequest::Kind;
        const QString docs = QStringLiteral("/reader/api/docs/") + kSha;
        QTest::newRow("page") << "/read"
                              << "" << int(K::Page) << 0 << 1000;
        QTest::newRow("page slash") << "/read/"
                                    << "" << int(K::Page) << 0 << 1000;
        QTest::newRow("meeting") << "/reader/api/meeting"
                                 << "" << int(K::Meeting) << 0 << 1000;
        QTest::newRow("pdf") << docs << "" << int(K::Document) << 0 << 1000;
        QTest::newRow("image") << docs + QStringLiteral("/pages/3") << "" << int(K::PageImage) << 3
                               << 1000;
        QTest::newRow("width kept")
            << docs + QStringLiteral("/pages/1") << "width=800" << int(K::PageImage) << 1 << 800;
        QTest::newRow("width rounded up")
            << docs + QStringLiteral("/pages/1") << "width=801" << int(K::PageImage) << 1 << 900;
        QTest::newRow("width clamped up")
            << docs + QStringLiteral("/pages/1") << "width=20" << int(K::PageImage) << 1 << 200;
        QTest::newRow("width clamped down")
            << docs + QStringLiteral("/pages/1") << "width=99999" << int(K::PageImage) << 1 << 2000;
        QTest::newRow("page 0") << docs + QStringLiteral("/pages/0") << "" << -1 << 0 << 0;
        QTest::newRow("leading zero") << docs + QStringLiteral("/pages/01") << "" << -1 << 0 << 0;
        QTest::newRow("negative") << docs + QStringLiteral("/pages/-1") << "" << -1 << 0 << 0;
        QTest::newRow("not a number") << docs + QStringLiteral("/pages/x") << "" << -1 << 0 << 0;
        QTest::newRow("huge page")
            << docs + QStringLiteral("/pages/99999999999") << "" << -1 << 0 << 0;
        QTest::newRow("width word")
            << docs + QStringLiteral("/pages/1") << "width=wide" << -1 << 0 << 0;
        QTest::newRow("width empty")
            << docs + QStringLiteral("/pages/1") << "width=" << -1 << 0 << 0;
        QTest::newRow("width twice")
            << docs + QStringLiteral("/pages/1") << "width=300&width=400" << -1 << 0 << 0;
        QTest::newRow("other key")
            << docs + QStringLiteral("/pages/1") << "path=../x" << -1 << 0 << 0;
        QTest::newRow("upper-case sha")
            << QStringLiteral("/reader/api/docs/") + kSha.toUpper() << "" << -1 << 0 << 0;
        QTest::newRow("short sha") << "/reader/api/docs/abc"
                                   << "" << -1 << 0 << 0;
        QTest::newRow("traversal") << "/reader/api/docs/../../etc/passwd"
                                   << "" << -1 << 0 << 0;
        QTest::newRow("extra segment") << docs + QStringLiteral("/pages/1/x") << "" << -1 << 0 << 0;
        QTest::newRow("other") << "/reader/api/other"
                               << "" << -1 << 0 << 0;
    }

    void requests()
    {
        QFETCH(QString, path);
        QFETCH(QString, query);
        QFETCH(int, kind);
        QFETCH(int, page);
        QFETCH(int, width);
        auto request = protocol::parseReaderRequest(path, query);
        if (kind < 0) {
            QVERIFY(!request);
            QVERIFY(request.error().code == ErrorCode::NotFound
                || request.error().code == ErrorCode::BadField);
            QVERIFY(!request.error().message.isEmpty());
            return;
        }
        QVERIFY2(request, qPrintable(request ? QString() : request.error().message));
        QCOMPARE(int(request->kind), kind);
        QCOMPARE(request->page, page);
        QCOMPARE(request->width, width);
        if (request->kind == protocol::ReaderRequest::Kind::Document
            || request->kind == protocol::ReaderRequest::Kind::PageImage)
            QCOMPARE(request->sha256, kSha);
    }

    // --- the token store ------------------------------------------------------------------

    void onlyTheHashIsStored()
    {
        auto grant = m_links->create(Principal::admin(), m_meeting, 3);
        QVERIFY(grant);
        QCOMPARE(grant->token.size(), protocol::kReaderTokenLength);
        QCOMPARE(grant->expiresAt, m_now.addSecs(12 * 3600));
        auto query = m_store->database().prepare("SELECT token_hash, delegate FROM reader_links");
        QVERIFY(query && query->next());
        QCOMPARE(query->blob(0),
            QCryptographicHash::hash(grant->token.toLatin1(), QCryptographicHash::Sha256));
        QCOMPARE(query->integer(1), 3);
        // Nowhere in the database, the log included.
        auto events = m_store->database().prepare("SELECT data FROM events WHERE kind = "
                                                  "'readerLink.created'");
        QVERIFY(events && events->next());
        QVERIFY(!events->text(0).contains(grant->token));
        QVERIFY(events->text(0).contains(QStringLiteral("\"delegate\":3")));
        auto session = m_links->authenticate(grant->token);
        QVERIFY(session);
        QCOMPARE(session->meeting, m_meeting);
        QCOMPARE(session->delegate, 3);
        // Reusable: a phone reloads the page.
        QVERIFY(m_links->authenticate(grant->token));
        QCOMPARE(reason(m_links->authenticate(kToken).error()), QStringLiteral("unknown"));
        // Two links, two tokens.
        QVERIFY(m_links->create(Principal::admin(), m_meeting, 3)->token != grant->token);
    }

    void expires()
    {
        auto grant = m_links->create(Principal::admin(), m_meeting, 3, 3600);
        QVERIFY(grant);
        m_now = m_now.addSecs(3599);
        QVERIFY(m_links->authenticate(grant->token));
        m_now = m_now.addSecs(1);
        auto refused = m_links->authenticate(grant->token);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        QCOMPARE(reason(refused.error()), QStringLiteral("expired"));
        QCOMPARE(m_links->list(Principal::admin(), m_meeting)
                     ->value(QLatin1String("links"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("active")),
            QJsonValue(false));
    }

    void lifetimeLimits()
    {
        for (int seconds : {0, 7 * 24 * 3600 + 1, -5}) {
            auto grant = m_links->create(Principal::admin(), m_meeting, 3, seconds);
            QVERIFY(!grant);
            QCOMPARE(grant.error().code, ErrorCode::BadField);
        }
        QVERIFY(m_links->create(Principal::admin(), m_meeting, 3, 7 * 24 * 3600));
        QCOMPARE(
            m_links->create(Principal::admin(), m_meeting, 9999).error().code, ErrorCode::NotFound);
        QCOMPARE(m_links->create(Principal::admin(), 77, 3).error().code, ErrorCode::NotFound);
    }

    void revokedByDelete()
    {
        auto grant = m_links->create(Principal::admin(), m_meeting, 3);
        const qint64 seq = m_store->headSeq(m_meeting);
        QVERIFY(m_links->revoke(Principal::admin(), m_meeting, grant->id));
        QCOMPARE(reason(m_links->authenticate(grant->token).error()), QStringLiteral("revoked"));
        QCOMPARE(m_store->headSeq(m_meeting), seq + 1); // readerLink.revoked
        // Again: nothing changes, nothing is logged.
        QVERIFY(m_links->revoke(Principal::admin(), m_meeting, grant->id));
        QCOMPARE(m_store->headSeq(m_meeting), seq + 1);
        QCOMPARE(
            m_links->revoke(Principal::admin(), m_meeting, 999).error().code, ErrorCode::NotFound);
        QCOMPARE(m_links->revoke(Principal::admin(), m_meeting + 1, grant->id).error().code,
            ErrorCode::NotFound);
    }

    void revokedWithTheDelegatesTablet()
    {
        const Principal tablet = seat(3);
        const Principal neighbour = seat(4);
        auto own = m_links->create(tablet, m_meeting, 0); // 0: its own delegate
        QVERIFY(own);
        QCOMPARE(own->delegate, 3);
        auto other = m_links->create(neighbour, m_meeting, 0);
        QVERIFY(other);
        const QJsonObject reply = m_meetings->execute(Principal::admin(),
            command(QStringLiteral("device.revoke"),
                {{QStringLiteral("meeting"), m_meeting},
                    {QStringLiteral("device"), tablet.device}}));
        QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QCOMPARE(reason(m_links->authenticate(own->token).error()), QStringLiteral("revoked"));
        QVERIFY(m_links->authenticate(other->token)); // another delegate's phone reads on
    }

    void whoMayAsk()
    {
        const Principal tablet = seat(3);
        QCOMPARE(m_links->create(tablet, m_meeting, 4).error().code, ErrorCode::Forbidden);
        QCOMPARE(m_links->create(tablet, m_meeting + 1, 3).error().code, ErrorCode::Forbidden);
        const Principal tally = Principal::forDevice(50, m_meeting, DeviceRole::Tally, 0);
        QCOMPARE(m_links->create(tally, m_meeting, 3).error().code, ErrorCode::Forbidden);
        const Principal chair = Principal::forDevice(51, m_meeting, DeviceRole::Chair, 0);
        QCOMPARE(m_links->create(chair, m_meeting, 3).error().code, ErrorCode::Forbidden);
        QCOMPARE(m_links->list(tablet, m_meeting).error().code, ErrorCode::Forbidden);
        // A tablet may revoke its own delegate's links, not another's.
        auto grant = m_links->create(Principal::admin(), m_meeting, 4);
        QCOMPARE(m_links->revoke(tablet, m_meeting, grant->id).error().code, ErrorCode::Forbidden);
        QVERIFY(m_links->authenticate(grant->token));
    }

    void removedDelegateReadsNothing()
    {
        auto grant = m_links->create(Principal::admin(), m_meeting, 3);
        const QJsonObject reply = m_meetings->execute(Principal::admin(),
            command(QStringLiteral("delegate.remove"),
                {{QStringLiteral("meeting"), m_meeting}, {QStringLiteral("delegate"), 3}}));
        QCOMPARE(reply.value(QLatin1String("type")).toString(), QStringLiteral("ok"));
        QCOMPARE(reason(m_links->authenticate(grant->token).error()), QStringLiteral("gone"));
    }

    // --- rendering --------------------------------------------------------------------------

    void rendersARealPage()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("article.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(testing::makeArticlePdf(3, 2));
        file.close();
        auto png = PageRenderer::renderPng(pdf, 1, 600);
        QVERIFY2(png, qPrintable(png ? QString() : png.error().message));
        const QImage image = QImage::fromData(png.value(), "PNG");
        QCOMPARE(image.width(), 600);
        QCOMPARE(image.height(), 849); // A4: 600 × 297/210
        // Paper white around the text, and text (dark pixels) on it.
        QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
        int dark = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                dark += qGray(image.pixel(x, y)) < 128;
        QVERIFY2(dark > 500, qPrintable(QString::number(dark)));
        QCOMPARE(PageRenderer::renderPng(pdf, 3, 600).error().code, ErrorCode::NotFound);
        QCOMPARE(PageRenderer::renderPng(pdf, 0, 600).error().code, ErrorCode::NotFound);
        QCOMPARE(
            PageRenderer::renderPng(dir.filePath(QStringLiteral("none.pdf")), 1, 600).error().code,
            ErrorCode::Internal);
    }

    void colourStaysColour()
    {
        // Black text pages become grey-scale PNGs; a page with colour (an emblem, a chart)
        // keeps it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("colour.pdf"));
        {
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QPageSize::A4));
            QPainter painter(&writer);
            painter.fillRect(QRect(0, 0, writer.width() / 2, writer.height() / 4), Qt::red);
        }
        const QImage image = QImage::fromData(PageRenderer::renderPng(path, 1, 400).value(), "PNG");
        QVERIFY(!image.isGrayscale());
        QCOMPARE(image.pixelColor(20, 20), QColor(Qt::red));
        QCOMPARE(image.pixelColor(390, 500), QColor(Qt::white));
        const QString text = dir.filePath(QStringLiteral("text.pdf"));
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(testing::makeArticlePdf(1));
        file.close();
        QVERIFY(
            QImage::fromData(PageRenderer::renderPng(text, 1, 400).value(), "PNG").isGrayscale());
    }

    void tallPagesKeepTheirShape()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("banner.pdf"));
        {
            QPdfWriter writer(path);
            writer.setPageSize(QPageSize(QSizeF(100, 1000), QPageSize::Millimeter));
            writer.setPageMargins(QMarginsF());
            QPainter painter(&writer);
            painter.fillRect(QRect(0, 0, writer.width(), writer.height()), Qt::black);
        }
        const QImage image = QImage::fromData(PageRenderer::renderPng(path, 1, 400).value(), "PNG");
        QCOMPARE(image.height(), 1200); // three times the width asked for, at most
        QVERIFY(qAbs(image.width() - 120) <= 1); // 1:10, not squashed into 400 × 1200
    }

    void cacheIsBoundedAndShared()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("article.pdf"));
        QFile file(pdf);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(testing::makeArticlePdf(1, 3));
        file.close();
        const QString cache = dir.filePath(QStringLiteral("cache"));
        qint64 onePage = 0;
        {
            PageRenderer renderer(PageRenderOptions {cache, 1 << 30});
            QVERIFY(renderer.open());
            // Three asks for the same page while it renders: one render, three answers.
            int answered = 0;
            for (int i = 0; i < 3; ++i)
                renderer.render(pdf, kSha, 1, 400, [&](const Result<QByteArray> &png) {
                    QVERIFY(png);
                    onePage = png->size();
                    ++answered;
                });
            QCOMPARE(renderer.pending(), 1);
            QTRY_COMPARE(answered, 3);
            // Answered before it is on disk; cached once the write is through.
            QTRY_COMPARE(renderer.pending(), 0);
            QCOMPARE(renderer.cachedPages(), 1);
            QCOMPARE(QDir(cache).entryList(QDir::Files).size(), 1);
            // A hit answers at once, without a worker.
            bool hit = false;
            renderer.render(pdf, kSha, 1, 400,
                [&](const Result<QByteArray> &png) { hit = png && png->size() == onePage; });
            QVERIFY(hit);
            bool refused = false;
            renderer.render(pdf, kSha, 9, 400, [&](const Result<QByteArray> &png) {
                refused = !png && png.error().code == ErrorCode::NotFound;
            });
            QTRY_VERIFY(refused);
            QCOMPARE(renderer.cachedPages(), 1);
        }
        // Too many distinct pages waiting: told to come back, nothing queued without bound.
        {
            PageRenderOptions busy {dir.filePath(QStringLiteral("busy")), 1 << 30};
            busy.maxPending = 1;
            PageRenderer renderer(busy);
            QVERIFY(renderer.open());
            bool first = false;
            bool refused = false;
            renderer.render(
                pdf, kSha, 2, 300, [&](const Result<QByteArray> &png) { first = bool(png); });
            renderer.render(pdf, kSha, 3, 300, [&](const Result<QByteArray> &png) {
                refused = !png && png.error().code == ErrorCode::Unavailable;
            });
            QVERIFY(refused);
            QTRY_VERIFY(first);
            QTRY_COMPARE(renderer.pending(), 0);
        }
        // Restarted with room for about two pages: it keeps at most that.
        PageRenderer small(PageRenderOptions {cache, onePage * 2 + onePage / 2});
        QVERIFY(small.open());
        QCOMPARE(small.cachedPages(), 1);
        int answered = 0;
        for (int page = 1; page <= 3; ++page)
            small.render(pdf, kSha, page, 400, [&](const Result<QByteArray> &png) {
                QVERIFY(png);
                ++answered;
            });
        QTRY_COMPARE(answered, 3);
        QTRY_COMPARE(small.pending(), 0);
        QVERIFY(small.cachedBytes() <= small.options().maxCacheBytes);
        QVERIFY(small.cachedPages() <= 2);
        QCOMPARE(QDir(cache).entryList(QDir::Files).size(), small.cachedPages());
    }
};

QTEST_MAIN(TestReader)
#include "test_reader.moc"
