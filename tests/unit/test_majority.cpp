// Majority rules against hand-computed outcomes: every preset, strict and inclusive thresholds,
// each base, abstentions in or out, weights, ties, missing quorum, single choice.
#include "core/majority.h"

#include <QJsonObject>
#include <QTest>

using namespace chamber;
using namespace chamber::core;

namespace {

MajorityRule preset(const char *name)
{
    return *MajorityRule::fromPreset(QString::fromLatin1(name));
}

Tally tally(std::initializer_list<std::pair<const char *, qint64>> counts)
{
    Tally result;
    for (const auto &[choice, count] : counts) {
        result.counts[QString::fromUtf8(choice)] = count;
        result.ballots += count;
    }
    return result;
}

PollContext context(qint64 members, qint64 present)
{
    return PollContext {members, present, present, members};
}

} // namespace

Q_DECLARE_METATYPE(MajorityRule)
Q_DECLARE_METATYPE(Tally)
Q_DECLARE_METATYPE(PollContext)
Q_DECLARE_METATYPE(Verdict)

class TestMajority : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void yesNo_data()
    {
        QTest::addColumn<MajorityRule>("rule");
        QTest::addColumn<Tally>("votes");
        QTest::addColumn<PollContext>("who");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<qint64>("base");
        QTest::addColumn<qint64>("required");

        // A People's Council of 40: resolutions need more than half of ALL delegates (21),
        // however many are present or abstain.
        QTest::newRow("council: 21 of 40 carries")
            << preset("majority-of-members") << tally({{"yes", 21}, {"no", 10}, {"abstain", 5}})
            << context(40, 36) << Verdict::Passed << 40LL << 21LL;
        QTest::newRow("council: 20 of 40 is not more than half")
            << preset("majority-of-members") << tally({{"yes", 20}, {"no", 5}}) << context(40, 30)
            << Verdict::Failed << 40LL << 21LL;
        QTest::newRow("council: 20 to 20 is a tie")
            << preset("majority-of-members") << tally({{"yes", 20}, {"no", 20}}) << context(40, 40)
            << Verdict::Tie << 40LL << 21LL;
        QTest::newRow("council: all 18 present for, still fails")
            << preset("majority-of-members") << tally({{"yes", 18}}) << context(40, 18)
            << Verdict::Failed << 40LL << 21LL;
        // Dismissal: at least two thirds of all delegates, 27 of 40.
        QTest::newRow("2/3 of members: 27 of 40")
            << preset("two-thirds-of-members") << tally({{"yes", 27}, {"no", 13}})
            << context(40, 40) << Verdict::Passed << 40LL << 27LL;
        QTest::newRow("2/3 of members: 26 of 40")
            << preset("two-thirds-of-members") << tally({{"yes", 26}, {"no", 1}}) << context(40, 40)
            << Verdict::Failed << 40LL << 27LL;
        QTest::newRow("2/3 of members: exactly 2/3 of 39")
            << preset("two-thirds-of-members") << tally({{"yes", 26}}) << context(39, 39)
            << Verdict::Passed << 39LL << 26LL;
        QTest::newRow("3/5 of members: 30 of 50")
            << preset("three-fifths-of-members") << tally({{"yes", 30}, {"no", 20}})
            << context(50, 50) << Verdict::Passed << 50LL << 30LL;
        // Committees: majority of those present, with at least 2/3 present.
        QTest::newRow("present: no quorum at 26 of 40")
            << preset("majority-of-present") << tally({{"yes", 26}}) << context(40, 26)
            << Verdict::NoQuorum << 40LL << 27LL;
        QTest::newRow("present: 16 of 30 present")
            << preset("majority-of-present") << tally({{"yes", 16}, {"no", 14}}) << context(40, 30)
            << Verdict::Passed << 30LL << 16LL;
        QTest::newRow("present: 15 to 15")
            << preset("majority-of-present") << tally({{"yes", 15}, {"no", 15}}) << context(40, 30)
            << Verdict::Tie << 30LL << 16LL;
        // Votes cast, abstentions out: 10 to 9 carries although 20 abstain.
        QTest::newRow("simple: abstentions excluded")
            << preset("simple-majority") << tally({{"yes", 10}, {"no", 9}, {"abstain", 20}})
            << context(40, 39) << Verdict::Passed << 19LL << 10LL;
        QTest::newRow("simple: nobody voted")
            << preset("simple-majority") << tally({{"abstain", 5}}) << context(40, 5)
            << Verdict::Failed << 0LL << 1LL;
        QTest::newRow("2/3 of votes cast")
            << preset("two-thirds-of-votes") << tally({{"yes", 20}, {"no", 10}}) << context(40, 30)
            << Verdict::Passed << 30LL << 20LL;
        {
            MajorityRule withAbstentions = preset("simple-majority");
            withAbstentions.abstentionsInBase = true;
            QTest::newRow("simple: abstentions included")
                << withAbstentions << tally({{"yes", 10}, {"no", 9}, {"abstain", 20}})
                << context(40, 39) << Verdict::Failed << 39LL << 20LL;
        }
        {
            // "At least half" of votes cast: a 10 to 10 split reaches it.
            MajorityRule half = preset("simple-majority");
            half.inclusive = true;
            QTest::newRow("at least half: 10 to 10 carries")
                << half << tally({{"yes", 10}, {"no", 10}}) << context(20, 20) << Verdict::Passed
                << 20LL << 10LL;
        }
        {
            // By weight: 100 shares, 51 needed; one big shareholder outvotes many small ones.
            MajorityRule weighted = preset("majority-of-members");
            weighted.byWeight = true;
            QTest::newRow("weights: 51 of 100")
                << weighted << tally({{"yes", 51}, {"no", 49}}) << context(100, 100)
                << Verdict::Passed << 100LL << 51LL;
            QTest::newRow("weights: 50 of 100")
                << weighted << tally({{"yes", 50}, {"no", 10}}) << context(100, 80)
                << Verdict::Failed << 100LL << 51LL;
            // Quorum counted by heads while votes count by weight: 5 of 10 people is not more
            // than half, though they hold 90 of 100 shares.
            weighted.quorum = QuorumRule {1, 2, false, QuorumBasis::Heads};
            QTest::newRow("weights, quorum by heads")
                << weighted << tally({{"yes", 90}}) << PollContext {100, 90, 5, 10}
                << Verdict::NoQuorum << 10LL << 6LL;
        }
    }

    void yesNo()
    {
        QFETCH(MajorityRule, rule);
        QFETCH(Tally, votes);
        QFETCH(PollContext, who);
        QFETCH(Verdict, verdict);
        QFETCH(qint64, base);
        QFETCH(qint64, required);
        const Outcome outcome = evaluate(rule, {}, votes, who);
        QCOMPARE(verdictName(outcome.verdict), verdictName(verdict));
        QCOMPARE(outcome.base, base);
        QCOMPARE(outcome.required, required);
        QVERIFY(!outcome.explanation.isEmpty());
        // The outcome names the rule that decided it.
        QVERIFY2(outcome.explanation.contains(rule.quorum && verdict == Verdict::NoQuorum
                         ? rule.quorum->describe()
                         : rule.describe()),
            qPrintable(outcome.explanation));
    }

    void singleChoice_data()
    {
        QTest::addColumn<MajorityRule>("rule");
        QTest::addColumn<Tally>("votes");
        QTest::addColumn<Verdict>("verdict");
        QTest::addColumn<QString>("winner");
        QTest::newRow("clear winner of votes cast")
            << preset("simple-majority") << tally({{"An", 25}, {"Bình", 10}, {"Cường", 5}})
            << Verdict::Elected << "An";
        QTest::newRow("leader without a majority")
            << preset("simple-majority") << tally({{"An", 20}, {"Bình", 15}, {"Cường", 5}})
            << Verdict::NoWinner << "";
        QTest::newRow("shared lead")
            << preset("simple-majority") << tally({{"An", 15}, {"Bình", 15}, {"Cường", 10}})
            << Verdict::Tie << "";
        QTest::newRow("majority of all members")
            << preset("majority-of-members") << tally({{"An", 21}, {"Bình", 2}}) << Verdict::Elected
            << "An";
        QTest::newRow("majority of all members, short")
            << preset("majority-of-members") << tally({{"An", 20}, {"abstain", 15}})
            << Verdict::NoWinner << "";
        QTest::newRow("nobody voted")
            << preset("simple-majority") << tally({}) << Verdict::NoWinner << "";
    }

    void singleChoice()
    {
        QFETCH(MajorityRule, rule);
        QFETCH(Tally, votes);
        QFETCH(Verdict, verdict);
        QFETCH(QString, winner);
        const QStringList candidates {
            QStringLiteral("An"), QStringLiteral("Bình"), QStringLiteral("Cường")};
        const Outcome outcome = evaluate(rule, candidates, votes, context(40, 40));
        QCOMPARE(verdictName(outcome.verdict), verdictName(verdict));
        QCOMPARE(outcome.winner, winner);
    }

    void requiredIsExact_data()
    {
        QTest::addColumn<qint64>("numerator");
        QTest::addColumn<qint64>("denominator");
        QTest::addColumn<bool>("inclusive");
        QTest::addColumn<qint64>("base");
        QTest::addColumn<qint64>("required");
        QTest::newRow("more than 1/2 of 0") << 1LL << 2LL << false << 0LL << 1LL;
        QTest::newRow("at least 1/2 of 0") << 1LL << 2LL << true << 0LL << 0LL;
        QTest::newRow("more than 1/2 of 1") << 1LL << 2LL << false << 1LL << 1LL;
        QTest::newRow("at least 2/3 of 3") << 2LL << 3LL << true << 3LL << 2LL;
        QTest::newRow("more than 2/3 of 3") << 2LL << 3LL << false << 3LL << 3LL;
        QTest::newRow("at least 3/5 of 7") << 3LL << 5LL << true << 7LL << 5LL;
        QTest::newRow("all of 500") << 1LL << 1LL << true << 500LL << 500LL;
    }

    void requiredIsExact()
    {
        QFETCH(qint64, numerator);
        QFETCH(qint64, denominator);
        QFETCH(bool, inclusive);
        QFETCH(qint64, base);
        QFETCH(qint64, required);
        QCOMPARE(requiredFor(numerator, denominator, inclusive, base), required);
    }

    void rulesAreVersionedData()
    {
        for (const QString &name : MajorityRule::presetNames()) {
            const MajorityRule rule = *MajorityRule::fromPreset(name);
            QCOMPARE(rule.toJson().value(QLatin1String("version")).toInt(), kMajorityRuleVersion);
            auto back = MajorityRule::fromJson(rule.toJson());
            QVERIFY2(back, qPrintable(name));
            QCOMPARE(back.value(), rule);
            auto byName = MajorityRule::fromJson(QJsonObject {{QStringLiteral("preset"), name}});
            QCOMPARE(byName.value(), rule);
        }
        QJsonObject future = preset("simple-majority").toJson();
        future.insert(QStringLiteral("version"), 2);
        QVERIFY(!MajorityRule::fromJson(future));
        QVERIFY(!MajorityRule::fromJson(
            QJsonObject {{QStringLiteral("preset"), QStringLiteral("unanimity")}}));
        QJsonObject bad = preset("simple-majority").toJson();
        bad.insert(QStringLiteral("numerator"), 3);
        bad.insert(QStringLiteral("denominator"), 2);
        QVERIFY(!MajorityRule::fromJson(bad));
        bad = preset("majority-of-members").toJson();
        bad.insert(QStringLiteral("abstentionsInBase"), true); // only for votes cast
        QVERIFY(!MajorityRule::fromJson(bad));
        bad = preset("simple-majority").toJson();
        bad.insert(QStringLiteral("base"), QStringLiteral("everyone"));
        QVERIFY(!MajorityRule::fromJson(bad));
    }
};

QTEST_GUILESS_MAIN(TestMajority)
#include "test_majority.moc"
