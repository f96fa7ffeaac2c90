// Quorum rules against hand-computed outcomes.
#include "core/quorum.h"

#include <QTest>

using namespace chamber;
using namespace chamber::core;

class TestQuorum : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void evaluate_data()
    {
        QTest::addColumn<qint64>("numerator");
        QTest::addColumn<qint64>("denominator");
        QTest::addColumn<bool>("inclusive");
        QTest::addColumn<qint64>("present");
        QTest::addColumn<qint64>("total");
        QTest::addColumn<qint64>("required");
        QTest::addColumn<bool>("reached");

        // "more than half": 40 members need 21, 41 members need 21.
        QTest::newRow("more than 1/2 of 40, 20 present")
            << 1LL << 2LL << false << 20LL << 40LL << 21LL << false;
        QTest::newRow("more than 1/2 of 40, 21 present")
            << 1LL << 2LL << false << 21LL << 40LL << 21LL << true;
        QTest::newRow("more than 1/2 of 41, 21 present")
            << 1LL << 2LL << false << 21LL << 41LL << 21LL << true;
        // "at least half": 40 members need exactly 20.
        QTest::newRow("at least 1/2 of 40, 20 present")
            << 1LL << 2LL << true << 20LL << 40LL << 20LL << true;
        // People's Council session: at least two thirds of all delegates.
        QTest::newRow("at least 2/3 of 40, 26 present")
            << 2LL << 3LL << true << 26LL << 40LL << 27LL << false;
        QTest::newRow("at least 2/3 of 40, 27 present")
            << 2LL << 3LL << true << 27LL << 40LL << 27LL << true;
        QTest::newRow("at least 2/3 of 39, 26 present")
            << 2LL << 3LL << true << 26LL << 39LL << 26LL << true;
        // Exactly two thirds is not "more than two thirds".
        QTest::newRow("more than 2/3 of 39, 26 present")
            << 2LL << 3LL << false << 26LL << 39LL << 27LL << false;
        QTest::newRow("three fifths of 50, 30 present")
            << 3LL << 5LL << true << 30LL << 50LL << 30LL << true;
        // Weighted: total weight 1000, more than half needs 501.
        QTest::newRow("weights: 500 of 1000")
            << 1LL << 2LL << false << 500LL << 1000LL << 501LL << false;
        QTest::newRow("weights: 501 of 1000")
            << 1LL << 2LL << false << 501LL << 1000LL << 501LL << true;
        // Nobody on the roster: never a quorum.
        QTest::newRow("empty roster") << 1LL << 2LL << true << 0LL << 0LL << 0LL << false;
        // "more than all" can never be met: unreachable, not reached.
        QTest::newRow("more than 1/1") << 1LL << 1LL << false << 10LL << 10LL << 11LL << false;
        QTest::newRow("all of 10") << 1LL << 1LL << true << 10LL << 10LL << 10LL << true;
    }

    void evaluate()
    {
        QFETCH(qint64, numerator);
        QFETCH(qint64, denominator);
        QFETCH(bool, inclusive);
        QFETCH(qint64, present);
        QFETCH(qint64, total);
        QFETCH(qint64, required);
        QFETCH(bool, reached);
        const QuorumRule rule {numerator, denominator, inclusive, QuorumBasis::Heads};
        const QuorumState state = evaluateQuorum(rule, present, total);
        QCOMPARE(state.required, required);
        QCOMPARE(state.reached, reached);
        QCOMPARE(state.reachable, total > 0 && required <= total);
    }

    void largeNumbersDoNotOverflow()
    {
        // 10 000 delegates of weight 1 000 000 with a 999/1000 rule.
        const QuorumRule rule {999, 1000, true, QuorumBasis::Weight};
        const QuorumState state = evaluateQuorum(rule, 9'990'000'000LL, 10'000'000'000LL);
        QCOMPARE(state.required, 9'990'000'000LL);
        QVERIFY(state.reached);
    }

    void ruleJsonRoundTripsAndValidates()
    {
        const QuorumRule rule {2, 3, true, QuorumBasis::Weight};
        auto parsed = QuorumRule::fromJson(rule.toJson());
        QVERIFY(parsed);
        QCOMPARE(parsed.value(), rule);
        QCOMPARE(rule.describe(), QStringLiteral("at least 2/3 of members (by voting weight)"));

        QJsonObject bad = rule.toJson();
        bad.insert(QStringLiteral("numerator"), 4); // 4/3 is more than everyone
        QCOMPARE(QuorumRule::fromJson(bad).error().code, ErrorCode::Invalid);
        bad = rule.toJson();
        bad.insert(QStringLiteral("basis"), QStringLiteral("votes"));
        QCOMPARE(QuorumRule::fromJson(bad).error().code, ErrorCode::BadField);
    }
};

QTEST_GUILESS_MAIN(TestQuorum)
#include "test_quorum.moc"
