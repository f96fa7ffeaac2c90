// Agenda tree: insertion, moves (including the ones that must be refused), removal, numbering.
#include "core/agenda.h"

#include <QJsonObject>
#include <QTest>

using namespace chamber;
using namespace chamber::core;

namespace {

AgendaItem item(qint64 id, qint64 parent, const QString &kind = QStringLiteral("item"))
{
    return AgendaItem {id, parent, QStringLiteral("Item %1").arg(id), {}, kind};
}

// Display order as "id:number" pairs, the easiest form to compare by eye.
QString outline(const Agenda &agenda)
{
    QStringList parts;
    for (qint64 id : agenda.preorder())
        parts << QStringLiteral("%1:%2").arg(id).arg(agenda.number(id));
    return parts.join(u' ');
}

// 1, 2 (children 3, 4 (child 5)), 6
Agenda sample()
{
    Agenda agenda;
    agenda.insert(item(1, kRoot), 0);
    agenda.insert(item(2, kRoot), 1);
    agenda.insert(item(3, 2), 0);
    agenda.insert(item(4, 2), 1);
    agenda.insert(item(5, 4), 0);
    agenda.insert(item(6, kRoot), 2);
    return agenda;
}

} // namespace

class TestAgenda : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void insertionKeepsOrderAndNumbers()
    {
        QCOMPARE(outline(sample()), QStringLiteral("1:1 2:2 3:2.1 4:2.2 5:2.2.1 6:3"));
        QCOMPARE(sample().nextId(), 7);
        QCOMPARE(sample().depth(5), 2);
    }

    void insertAtFrontAndMiddle()
    {
        Agenda agenda = sample();
        QVERIFY(agenda.checkInsert(kRoot, 0));
        agenda.insert(item(7, kRoot), 0);
        agenda.insert(item(8, 2), 1);
        QCOMPARE(outline(agenda), QStringLiteral("7:1 1:2 2:3 3:3.1 8:3.2 4:3.3 5:3.3.1 6:4"));
    }

    void insertRejectsBadParentAndPosition()
    {
        const Agenda agenda = sample();
        QCOMPARE(agenda.checkInsert(99, 0).error().code, ErrorCode::NotFound);
        QCOMPARE(agenda.checkInsert(kRoot, 4).error().code, ErrorCode::Invalid);
        QCOMPARE(agenda.checkInsert(kRoot, -1).error().code, ErrorCode::Invalid);
        QVERIFY(agenda.checkInsert(kRoot, 3)); // append
        QVERIFY(agenda.checkInsert(5, 0)); // first child of a leaf
    }

    void moveWithinSiblings_data()
    {
        QTest::addColumn<qint64>("id");
        QTest::addColumn<qint64>("position");
        QTest::addColumn<QString>("expected");
        QTest::newRow("first to last") << 1LL << 2LL << "2:1 3:1.1 4:1.2 5:1.2.1 6:2 1:3";
        QTest::newRow("last to first") << 6LL << 0LL << "6:1 1:2 2:3 3:3.1 4:3.2 5:3.2.1";
        QTest::newRow("middle down one") << 2LL << 2LL << "1:1 6:2 2:3 3:3.1 4:3.2 5:3.2.1";
        QTest::newRow("child swap") << 4LL << 0LL << "1:1 2:2 4:2.1 5:2.1.1 3:2.2 6:3";
    }

    void moveWithinSiblings()
    {
        QFETCH(qint64, id);
        QFETCH(qint64, position);
        QFETCH(QString, expected);
        Agenda agenda = sample();
        const qint64 parent = agenda.find(id)->parent;
        QVERIFY(agenda.checkMove(id, parent, position));
        agenda.move(id, parent, position);
        QCOMPARE(outline(agenda), expected);
    }

    void moveAcrossLevels()
    {
        Agenda agenda = sample();
        // A sub-item becomes top level, then a top-level item moves under another.
        QVERIFY(agenda.checkMove(4, kRoot, 1));
        agenda.move(4, kRoot, 1);
        QCOMPARE(outline(agenda), QStringLiteral("1:1 4:2 5:2.1 2:3 3:3.1 6:4"));
        QVERIFY(agenda.checkMove(6, 1, 0));
        agenda.move(6, 1, 0);
        QCOMPARE(outline(agenda), QStringLiteral("1:1 6:1.1 4:2 5:2.1 2:3 3:3.1"));
    }

    void moveRefusesCyclesAndBadPositions()
    {
        const Agenda agenda = sample();
        QCOMPARE(agenda.checkMove(2, 2, 0).error().code, ErrorCode::Invalid); // under itself
        QCOMPARE(agenda.checkMove(2, 5, 0).error().code, ErrorCode::Invalid); // under a grandchild
        QCOMPARE(agenda.checkMove(99, kRoot, 0).error().code, ErrorCode::NotFound);
        QCOMPARE(agenda.checkMove(1, 99, 0).error().code, ErrorCode::NotFound);
        // Within the same parent the item itself does not count: 3 siblings → 0..2.
        QCOMPARE(agenda.checkMove(1, kRoot, 3).error().code, ErrorCode::Invalid);
        QVERIFY(agenda.checkMove(1, kRoot, 2));
        // Into another parent every existing child counts: 2 children → 0..2.
        QVERIFY(agenda.checkMove(6, 2, 2));
        QCOMPARE(agenda.checkMove(6, 2, 3).error().code, ErrorCode::Invalid);
    }

    void removeTakesTheSubtree()
    {
        Agenda agenda = sample();
        const std::vector<qint64> removed = agenda.remove(2);
        QCOMPARE(removed, (std::vector<qint64> {2, 3, 4, 5}));
        QCOMPARE(outline(agenda), QStringLiteral("1:1 6:2"));
        QCOMPARE(agenda.size(), 2);
        QVERIFY(!agenda.contains(5));
        // Ids are never reused, even after removing the highest one.
        agenda.remove(6);
        QCOMPARE(agenda.nextId(), 7);
    }

    void breaksAreNotNumbered()
    {
        Agenda agenda;
        agenda.insert(item(1, kRoot), 0);
        agenda.insert(item(2, kRoot, QStringLiteral("break")), 1);
        agenda.insert(item(3, kRoot), 2);
        QCOMPARE(outline(agenda), QStringLiteral("1:1 2: 3:2"));
    }

    void jsonListsDisplayOrder()
    {
        const QJsonArray json = sample().toJson();
        QCOMPARE(json.size(), 6);
        const QJsonObject fifth = json.at(4).toObject();
        QCOMPARE(fifth.value(QLatin1String("id")).toInteger(), 5);
        QCOMPARE(fifth.value(QLatin1String("parent")).toInteger(), 4);
        QCOMPARE(fifth.value(QLatin1String("number")).toString(), QStringLiteral("2.2.1"));
        QCOMPARE(fifth.value(QLatin1String("depth")).toInteger(), 2);
        QVERIFY(json.at(0).toObject().value(QLatin1String("parent")).isNull());
    }
};

QTEST_GUILESS_MAIN(TestAgenda)
#include "test_agenda.moc"
