// The kiosk's document cache and private annotations without a server: what the cache trusts
// after a crash (files the index does not know, a damaged index), the order of eviction, and
// the annotations' parser, which refuses anything malformed whole (the same JSON comes back
// from a backup).
#include "annotations.h"
#include "documentcache.h"
#include "documentmodel.h"
#include "sealedbox.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace chamber;
using namespace chamber::kiosk;

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// Puts `content` in the cache as a finished download of `meeting`; returns its digest.
QString addToCache(DocumentCache &cache, const QByteArray &content, qint64 meeting)
{
    const QString sha = sha256Hex(content);
    QFile part(cache.partPath(sha));
    if (!part.open(QIODevice::WriteOnly) || part.write(content) != content.size())
        return {};
    part.close();
    return cache.adopt(sha, meeting) ? sha : QString();
}

// JSON written with single quotes, which read better inside C++ strings.
QByteArray json(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

} // namespace

class TestKioskDocuments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cacheSurvivesARestart()
    {
        QTemporaryDir directory;
        QString sha;
        {
            DocumentCache cache(directory.path(), 0);
            QVERIFY(cache.load());
            sha = addToCache(cache, "document one", 1);
            QVERIFY(!sha.isEmpty());
            QVERIFY(cache.has(sha));
            QVERIFY(!QFile::exists(cache.partPath(sha)));
        }
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        QVERIFY(cache.has(sha));
        QCOMPARE(cache.entries().at(sha).meetings, QSet<qint64>({1}));
        QCOMPARE(cache.usedBytes(), qint64(12));
    }

    void cacheTrustsOnlyWhatMatchesItsName()
    {
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        // A crash after the rename but before the index was written: the file is kept when
        // its bytes match its name, removed when they do not.
        const QByteArray good = "verified before the crash";
        QFile goodFile(cache.filePath(sha256Hex(good)));
        QVERIFY(goodFile.open(QIODevice::WriteOnly));
        goodFile.write(good);
        goodFile.close();
        const QString wrongName = sha256Hex("something else");
        QFile badFile(cache.filePath(wrongName));
        QVERIFY(badFile.open(QIODevice::WriteOnly));
        badFile.write("not what the name says");
        badFile.close();
        // An indexed file that disappeared is forgotten.
        const QString gone = addToCache(cache, "deleted behind our back", 2);
        QVERIFY(QFile::remove(cache.filePath(gone)));

        DocumentCache reloaded(directory.path(), 0);
        QVERIFY(reloaded.load());
        QVERIFY(reloaded.has(sha256Hex(good)));
        QVERIFY(!reloaded.has(wrongName));
        QVERIFY(!QFile::exists(reloaded.filePath(wrongName)));
        QVERIFY(!reloaded.has(gone));
    }

    void damagedIndexIsRebuilt()
    {
        QTemporaryDir directory;
        QString sha;
        {
            DocumentCache cache(directory.path(), 0);
            QVERIFY(cache.load());
            sha = addToCache(cache, "kept across a damaged index", 1);
        }
        QFile index(directory.filePath(QStringLiteral("index.json")));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write("{\"documents\": [");
        index.close();
        DocumentCache cache(directory.path(), 0);
        QVERIFY(cache.load());
        QVERIFY(cache.has(sha)); // found again by its digest
    }

    void evictionOrder()
    {
        QTemporaryDir directory;
        DocumentCache cache(directory.path(), 100);
        QVERIFY(cache.load());
        const QString oldOther = addToCache(cache, QByteArray(30, 'a'), 7);
        QTest::qWait(5);
        const QString newOther = addToCache(cache, QByteArray(30, 'b'), 8);
        QTest::qWait(5);
        const QString ownRemoved = addToCache(cache, QByteArray(30, 'c'), 1);
        QCOMPARE(cache.usedBytes(), qint64(90));
        // 30 more: one must go, the oldest of another meeting.
        QCOMPARE(cache.evict(1, {ownRemoved}, 30), QStringList({oldOther}));
        // 100 more: everything not kept goes, other meetings first.
        QCOMPARE(cache.evict(1, {}, 100), QStringList({newOther, ownRemoved}));
        QCOMPARE(cache.usedBytes(), qint64(0));
        // Without a limit nothing is evicted.
        DocumentCache unlimited(directory.path(), 0);
        QVERIFY(unlimited.load());
        addToCache(unlimited, QByteArray(30, 'd'), 7);
        QVERIFY(unlimited.evict(1, {}, 1LL << 40).isEmpty());
    }

    void disabledCacheKeepsNothing()
    {
        DocumentCache cache({}, 0);
        QVERIFY(cache.load());
        QVERIFY(!cache.isEnabled());
        QVERIFY(!cache.adopt(sha256Hex("x"), 1));
    }

    void annotationsRoundTrip()
    {
        Annotations annotations;
        annotations.strokes.append({2, QStringLiteral("#c62828"), 0.004,
            {QPointF(0.1, 0.2), QPointF(0.15, 0.25), QPointF(0.2, 0.3)}});
        annotations.notes.append({1, 0, QPointF(0.5, 0.5),
            QStringLiteral("Hỏi lại số liệu trang 3"), QStringLiteral("2026-12-01T08:00:00Z")});
        const auto back = Annotations::fromJson(annotations.toJson());
        QVERIFY(back);
        QCOMPARE(back->strokes.size(), 1);
        QCOMPARE(back->strokes[0].points.size(), 3);
        QCOMPARE(back->strokes[0].page, 2);
        QCOMPARE(back->notes[0].text, QStringLiteral("Hỏi lại số liệu trang 3"));
        QCOMPARE(back->nextNoteId(), qint64(2));
    }

    void malformedAnnotationsAreRefusedWhole_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("no version") << json("{'strokes': [], 'notes': []}");
        QTest::newRow("future version") << json("{'version': 2, 'strokes': [], 'notes': []}");
        QTest::newRow("strokes not a list") << json("{'version': 1, 'strokes': {}, 'notes': []}");
        QTest::newRow("stroke off the page")
            << json("{'version': 1, 'strokes': [{'page': 0, 'color': '#000000', 'width': 0.004, "
                    "'points': [0.1, 0.1, 1.5, 0.2]}], 'notes': []}");
        QTest::newRow("one-point stroke (found by fuzz_annotations)")
            << json("{'version': 1, 'strokes': [{'page': 0, 'color': '#ffd400', 'width': 0.02, 'points': [0.1, -0]}], 'notes': []}");
        QTest::newRow("odd point list")
            << json("{'version': 1, 'strokes': [{'page': 0, 'color': '#000000', 'width': 0.004, "
                    "'points': [0.1, 0.1, 0.2]}], 'notes': []}");
        QTest::newRow("negative page")
            << json("{'version': 1, 'strokes': [{'page': -1, 'color': '#000000', 'width': 0.004, "
                    "'points': [0.1, 0.1, 0.2, 0.2]}], 'notes': []}");
        QTest::newRow("fractional page")
            << json("{'version': 1, 'strokes': [{'page': 1.5, 'color': '#000000', 'width': 0.004, "
                    "'points': [0.1, 0.1, 0.2, 0.2]}], 'notes': []}");
        QTest::newRow("bad colour")
            << json("{'version': 1, 'strokes': [{'page': 0, 'color': 'red', 'width': 0.004, "
                    "'points': [0.1, 0.1, 0.2, 0.2]}], 'notes': []}");
        QTest::newRow("huge width")
            << json("{'version': 1, 'strokes': [{'page': 0, 'color': '#000000', 'width': 3, "
                    "'points': [0.1, 0.1, 0.2, 0.2]}], 'notes': []}");
        QTest::newRow("points as text")
            << json("{'version': 1, 'strokes': [{'page': 0, 'color': '#000000', 'width': 0.004, "
                    "'points': ['0.1', '0.1', '0.2', '0.2']}], 'notes': []}");
        QTest::newRow("note without id") << json("{'version': 1, 'strokes': [], 'notes': [{'page': "
                                                 "0, 'x': 0.5, 'y': 0.5, 'text': 'a'}]}");
        QTest::newRow("two notes, one id")
            << json("{'version': 1, 'strokes': [], 'notes': [{'id': 1, 'page': 0, 'x': 0.5, 'y': "
                    "0.5, 'text': 'a'}, {'id': 1, 'page': 0, 'x': 0.5, 'y': 0.5, 'text': 'b'}]}");
        QTest::newRow("note text not a string")
            << json("{'version': 1, 'strokes': [], 'notes': [{'id': 1, 'page': 0, 'x': 0.5, 'y': "
                    "0.5, 'text': 7}]}");
        QTest::newRow("note off the page")
            << json("{'version': 1, 'strokes': [], 'notes': [{'id': 1, 'page': 0, 'x': -0.5, 'y': "
                    "0.5, 'text': 'a'}]}");
    }

    void malformedAnnotationsAreRefusedWhole()
    {
        QFETCH(QByteArray, json);
        const auto parsed = Annotations::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!parsed);
        QVERIFY(parsed.error().message.startsWith(QLatin1String("annotations:")));
    }

    void annotationStoreKeepsDamagedFilesAside()
    {
        QTemporaryDir directory;
        AnnotationStore store(directory.filePath(QStringLiteral("annotations")));
        const QString sha = sha256Hex("a document");
        QVERIFY(store.load(sha)->isEmpty()); // nothing yet
        Annotations annotations;
        annotations.notes.append({1, 3, QPointF(0.2, 0.8), QStringLiteral("note"), {}});
        QVERIFY(store.save(sha, annotations));
        QCOMPARE(store.load(sha)->notes.size(), 1);

        const QString path = directory.filePath(QStringLiteral("annotations/%1.json").arg(sha));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json("{'version': 1, 'strokes': 5, 'notes': []}"));
        file.close();
        QVERIFY(!store.load(sha));
        // Moved aside for a person to look at, not overwritten by the next save.
        QVERIFY(!QFile::exists(path));
        QCOMPARE(QDir(directory.filePath(QStringLiteral("annotations")))
                     .entryList({QStringLiteral("*.damaged-*")}, QDir::Files)
                     .size(),
            1);
        QVERIFY(!store.save(QStringLiteral("../escape"), annotations));
        QVERIFY(store.load(QStringLiteral("../escape"))->isEmpty());
    }

    void sealedBoxOpensOnlyWithItsPassphraseAndContext()
    {
        const SealedBoxContext context {sha256Hex("document"), 1, 3};
        const QByteArray notes = "{\"version\": 1, \"strokes\": [], \"notes\": []} ghi chú";
        const auto box = seal(notes, QStringLiteral("mật khẩu riêng"), context);
        QVERIFY(box);
        QVERIFY(!box->contains("ghi"));
        QVERIFY(!box->contains(notes.left(10)));
        QCOMPARE(open(box.value(), QStringLiteral("mật khẩu riêng"), context).value(), notes);
        // Two boxes of the same notes differ (fresh salt and nonce).
        QVERIFY(seal(notes, QStringLiteral("mật khẩu riêng"), context).value() != box.value());

        QVERIFY(!open(box.value(), QStringLiteral("mat khau rieng"), context));
        QVERIFY(!open(box.value(), QStringLiteral("mật khẩu riêng"), {sha256Hex("other"), 1, 3}));
        QVERIFY(!open(box.value(), QStringLiteral("mật khẩu riêng"), {context.sha256, 1, 4}));
        for (const qsizetype at : {qsizetype(6), qsizetype(12), box->size() / 2, box->size() - 1}) {
            QByteArray altered = box.value();
            altered[at] = char(altered[at] ^ 1);
            QVERIFY2(!open(altered, QStringLiteral("mật khẩu riêng"), context),
                qPrintable(QString::number(at)));
        }
        QVERIFY(!open(box->left(box->size() - 1), QStringLiteral("mật khẩu riêng"), context));
        QVERIFY(!open(box->left(20), QStringLiteral("mật khẩu riêng"), context));
        QVERIFY(!open("not a box at all, not even close", QStringLiteral("x"), context));
        QVERIFY(!seal(notes, QStringLiteral("123"), context)); // too short a passphrase
    }

    void documentModelFollowsTheAgenda()
    {
        auto meeting = core::MeetingState::fromJson(QJsonDocument::fromJson(
            json("{"
                 "            'id': 1, 'seq': 0, 'title': 't', 'status': 'scheduled',"
                 "            'quorum': {'rule': {'basis': 'heads', 'numerator': 1, 'denominator': "
                 "2, 'inclusive': false}},"
                 "            'agenda': ["
                 "                {'id': 1, 'parent': null, 'position': 0, 'title': 'Khai mạc', "
                 "'kind': 'item'},"
                 "                {'id': 2, 'parent': null, 'position': 1, 'title': 'Báo cáo', "
                 "'kind': 'section'},"
                 "                {'id': 3, 'parent': 2, 'position': 0, 'title': 'Ngân sách', "
                 "'kind': 'item'}],"
                 "            'documents': ["
                 "                {'id': 1, 'item': 3, 'sha256': "
                 "'1111111111111111111111111111111111111111111111111111111111111111',"
                 "                 'name': 'b.pdf', 'title': 'B', 'pages': 2, 'bytes': 10, "
                 "'source': 'pdf', 'addedAt': '', 'removed': false, 'removedAt': ''},"
                 "                {'id': 2, 'item': 1, 'sha256': "
                 "'2222222222222222222222222222222222222222222222222222222222222222',"
                 "                 'name': 'a.pdf', 'title': 'A', 'pages': 1, 'bytes': 10, "
                 "'source': 'pdf', 'addedAt': '', 'removed': false, 'removedAt': ''},"
                 "                {'id': 3, 'item': 1, 'sha256': "
                 "'3333333333333333333333333333333333333333333333333333333333333333',"
                 "                 'name': 'gone.pdf', 'title': 'Gone', 'pages': 1, 'bytes': 10, "
                 "'source': 'pdf', 'addedAt': '', 'removed': true, 'removedAt': 'x'}],"
                 "            'presenting': {'document': 1, 'page': 2}"
                 "        }"))
                                                        .object());
        QVERIFY2(meeting, meeting ? "" : qPrintable(meeting.error().message));
        DocumentModel model;
        model.update(meeting.value(), [](const core::Document &document) {
            DocumentModel::Availability shown;
            shown.status = document.id == 2 ? QStringLiteral("ready") : QStringLiteral("queued");
            return shown;
        });
        QCOMPARE(model.rowCount(), 2); // the removed one is not listed
        const auto at
            = [&](int row, DocumentModel::Role role) { return model.data(model.index(row), role); };
        QCOMPARE(at(0, DocumentModel::TitleRole).toString(), QStringLiteral("A"));
        QCOMPARE(at(0, DocumentModel::ItemLabelRole).toString(), QStringLiteral("1 Khai mạc"));
        QCOMPARE(at(0, DocumentModel::StatusRole).toString(), QStringLiteral("ready"));
        QCOMPARE(at(1, DocumentModel::TitleRole).toString(), QStringLiteral("B"));
        QCOMPARE(at(1, DocumentModel::ItemLabelRole).toString(), QStringLiteral("2.1 Ngân sách"));
        QCOMPARE(at(1, DocumentModel::PresentedRole).toBool(), true);
        QCOMPARE(model.rowOf(1), 1);
        QCOMPARE(model.rowOf(3), -1);
    }
};

QTEST_MAIN(TestKioskDocuments)
#include "test_kiosk_documents.moc"
