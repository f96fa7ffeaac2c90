// The attack of the secrecy audit: from a copy of the data directory, every order in which the
// files keep a secret poll's voters and every order in which they keep its ballots, then each
// voter order zipped with each ballot order, scored against the truth the test kept.
//
// The attacker is given more than it has: which request ids were this poll's ballots (a real
// one would have to guess them from the answers' times or places), and the devices' delegates
// (the devices table has them). An audit that passes against this attacker passes against a
// weaker one.
#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

#include <map>
#include <vector>

namespace chamber::testing::linkattack {

struct Target
{
    qint64 meeting = 0;
    qint64 poll = 0;
    std::map<QString, qint64> principals; // a voter's device ("device:7") -> its delegate
    QSet<QString> requestIds; // this poll's ballot.cast ids
};

struct Files
{
    QByteArray db;
    QByteArray wal;
    QByteArray shm;
};

struct VoterOrder
{
    QString source;
    std::vector<qint64> delegates;
};
struct BallotOrder
{
    QString source;
    std::vector<QString> choices;
};
struct Orders
{
    std::vector<VoterOrder> voters;
    std::vector<BallotOrder> ballots;
};

// Every order found. Voters: secret_voters-shaped records (meeting, poll, delegate) and ballot
// answers (a voter's principal with one of the poll's request ids), each b-tree's cells newest
// first within a page (SQLite writes each new cell below the last) with the pages by number or
// in tree order (interior cells of index b-trees too: they hold rows), their rowids if any, any
// time stamp in an answer, and the first frame of the write-ahead log each appears in. Ballots:
// secret_ballots-shaped records (meeting, poll, 32-byte digest, receipt, choice) in the same ways.
Orders findOrders(const Files &files, const Target &target);

// Records of the poll (voters, answers, ballots) that a cell starting anywhere in the free
// space of the database would hold: left-over copies, each a place to order by.
int leftovers(const Files &files, const Target &target);

struct Link
{
    QString voters; // the sources zipped
    QString ballots;
    int pairs = 0;
    int correct = 0; // voters whose choice the zip names
    double chance = 0; // the largest choice's share among the zipped ballots
    double pValue = 1; // P(Binomial(pairs, chance) >= correct)
    double rate() const { return pairs ? double(correct) / pairs : 0; }
};

// Each voter order with each ballot order, the ballots forwards and reversed. An order that
// says nothing about the voters' choices gets each one right with probability at most
// `chance` (the pairing is then a random permutation: the real statistic is less spread than
// the binomial, so its tail bounds it), which gives `pValue`.
std::vector<Link> link(const Orders &orders, const std::map<qint64, QString> &truth);

// P(X >= k) for X ~ Binomial(n, p).
double binomialTail(int n, double p, int k);

QString describe(const Link &link);

} // namespace chamber::testing::linkattack
