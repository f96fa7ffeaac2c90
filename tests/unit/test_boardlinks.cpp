// Follow-up board links without a server: BoardLinkService over an in-memory database. Only
// the secretary-level principals make and revoke them; the token is kept as its SHA-256 only; a
// token authenticates as "boardlink:<n>" of its council until it is revoked or its council is
// gone; anything that is not a token of ours is refused without a lookup.
#include "services/boardlinks.h"
#include "services/devices.h"
#include "storage/eventstore.h"

#include <QJsonArray>
#include <QTest>

#include <set>

using namespace chamber;
using namespace chamber::services;

class TestBoardLinks : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<storage::EventStore> m_store;
    std::set<qint64> m_councils {1, 2};
    std::unique_ptr<BoardLinkService> m_links;

    static Principal secretary()
    {
        return Principal::forAccount(7, QStringLiteral("thuky"), AccountRole::Secretary);
    }

    qint64 rows(const char *sql)
    {
        auto count = m_store->database().queryInteger(sql);
        return count ? count.value() : -1;
    }

private Q_SLOTS:
    void init()
    {
        auto store = storage::EventStore::openInMemory();
        QVERIFY(store);
        m_store = std::move(store.value());
        m_councils = {1, 2};
        m_links = std::make_unique<BoardLinkService>(
            m_store->database(), [this](qint64 council) { return m_councils.count(council) > 0; });
    }

    void createdLinkAuthenticatesForItsCouncil()
    {
        auto grant = m_links->create(Principal::admin(), 2);
        QVERIFY(grant);
        QVERIFY(BoardLinkService::looksLikeToken(grant->token));
        auto principal = m_links->authenticate(grant->token);
        QVERIFY(principal);
        QVERIFY(principal->isBoardLink());
        QCOMPARE(principal->council, qint64(2));
        QCOMPARE(principal->id, QStringLiteral("boardlink:%1").arg(grant->id));
        // Only the hash is stored: the token itself appears nowhere in the table.
        QCOMPARE(rows("SELECT count(*) FROM board_links"), qint64(1));
        auto stored = m_store->database().prepare("SELECT token_hash FROM board_links");
        QVERIFY(stored && stored->next());
        QCOMPARE(stored->blob(0), hashSecret(grant->token.toLatin1()));
    }

    void onlyTheSecretaryLevelMakesAndRevokes_data()
    {
        QTest::addColumn<int>("who");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("admin token") << 0 << true;
        QTest::newRow("secretary") << 1 << true;
        QTest::newRow("admin account") << 2 << true;
        QTest::newRow("observer") << 3 << false;
        QTest::newRow("chair console") << 4 << false;
        QTest::newRow("seat") << 5 << false;
        QTest::newRow("a board link") << 6 << false;
        QTest::newRow("anonymous") << 7 << false;
    }
    void onlyTheSecretaryLevelMakesAndRevokes()
    {
        QFETCH(int, who);
        QFETCH(bool, allowed);
        const Principal principals[] = {Principal::admin(), secretary(),
            Principal::forAccount(1, QStringLiteral("quantri"), AccountRole::Admin),
            Principal::forAccount(2, QStringLiteral("baochi"), AccountRole::Observer),
            Principal::forDevice(3, 1, DeviceRole::Chair, 0),
            Principal::forDevice(4, 1, DeviceRole::Delegate, 1), Principal::forBoardLink(1, 1),
            Principal::anonymous()};
        const Principal &principal = principals[who];
        auto grant = m_links->create(principal, 1);
        QCOMPARE(bool(grant), allowed);
        if (!allowed) {
            QCOMPARE(rows("SELECT count(*) FROM board_links"), qint64(0));
            QVERIFY(grant.error().code == ErrorCode::Forbidden
                || grant.error().code == ErrorCode::Unauthenticated);
        }
        auto made = m_links->create(Principal::admin(), 1);
        QVERIFY(made);
        QCOMPARE(bool(m_links->revoke(principal, 1, made->id)), allowed);
        QCOMPARE(bool(m_links->authenticate(made->token)), !allowed);
        QCOMPARE(bool(m_links->list(principal, 1)), allowed);
    }

    void revokedLinkOpensNothing()
    {
        auto grant = m_links->create(secretary(), 1);
        QVERIFY(grant);
        QVERIFY(m_links->revoke(secretary(), 1, grant->id));
        auto refused = m_links->authenticate(grant->token);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        QCOMPARE(refused.error().details.at(0).toObject().value(QLatin1String("reason")).toString(),
            QStringLiteral("revoked"));
        // Twice changes nothing; another council's id does not name it.
        QVERIFY(m_links->revoke(secretary(), 1, grant->id));
        QCOMPARE(m_links->revoke(secretary(), 2, grant->id).error().code, ErrorCode::NotFound);
        auto list = m_links->list(secretary(), 1);
        QVERIFY(list);
        const QJsonObject row = list->value(QLatin1String("links")).toArray().at(0).toObject();
        QCOMPARE(row.value(QLatin1String("active")).toBool(), false);
        QCOMPARE(row.value(QLatin1String("createdBy")).toString(), QStringLiteral("account:thuky"));
    }

    void badInputIsRefusedAndWritesNothing()
    {
        QCOMPARE(m_links->create(Principal::admin(), 99).error().code, ErrorCode::NotFound);
        QCOMPARE(m_links->revoke(Principal::admin(), 1, 42).error().code, ErrorCode::NotFound);
        QCOMPARE(rows("SELECT count(*) FROM board_links"), qint64(0));
        for (const QString &token : {QString(), QStringLiteral("b1."),
                 QStringLiteral("b1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"),
                 QStringLiteral("b1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!"),
                 QStringLiteral("b1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), QStringLiteral("admin"),
                 QStringLiteral("b1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nA")}) {
            auto refused = m_links->authenticate(token);
            QVERIFY2(!refused, qPrintable(token));
            QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
        }
    }

    void linkOfAGoneCouncilOpensNothing()
    {
        auto grant = m_links->create(Principal::admin(), 2);
        QVERIFY(grant);
        m_councils.erase(2);
        auto refused = m_links->authenticate(grant->token);
        QVERIFY(!refused);
        QCOMPARE(refused.error().details.at(0).toObject().value(QLatin1String("reason")).toString(),
            QStringLiteral("gone"));
    }
};

QTEST_GUILESS_MAIN(TestBoardLinks)
#include "test_boardlinks.moc"
