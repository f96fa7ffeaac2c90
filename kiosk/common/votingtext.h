// What voting looks like in words, in the user's language: choices, rules, verdicts, the
// explanation of a result and why a ballot was refused. The server's own texts are English for
// logs; screens build theirs from the data.
#pragma once

#include "core/ballots.h"
#include "core/poll.h"

#include <QCoreApplication>
#include <QString>
#include <QVariantList>

namespace chamber::kiosk {

class VotingText
{
    Q_DECLARE_TR_FUNCTIONS(VotingText)

public:
    // "yes" → "In favour"; candidates are their own names.
    static QString choiceLabel(const QString &choice);
    // A preset's name for people ("More than half of all members"), or the rule spelled out.
    static QString ruleLabel(const core::MajorityRule &rule);
    // Every preset as {name, label}, in the order a chair picks from (most used first).
    static QVariantList presets();
    // Passed → "Passed", Elected → "Elected: <winner>", …
    static QString verdictLabel(core::Verdict verdict, const QString &winner);
    // "34 in favour of 40 (all members); 21 needed to pass"
    static QString explanation(
        const core::MajorityRule &rule, const core::PollClosing &closing, bool yesNo);
    // Draft → "Prepared", Open → "Voting now", …
    static QString pollStateLabel(core::PollState state);
    // Why a tablet cannot vote for someone now (empty when it can, or when the reason is the
    // poll's state, which the screen shows by itself). `holderName`: who holds a proxy given.
    static QString blockedReason(core::VotingRight right, const QString &holderName);
    // Why the server refused a ballot, from its error code and what this device knows.
    struct RefusalFacts
    {
        QString code; // the protocol's error code
        QString message; // the server's English message, as a last resort
        bool pollOpen = true;
        bool recordedBefore = false; // a ballot with this key was recorded already
        bool forProxy = false; // cast for a proxy giver
        bool voterPresent = true; // the one who votes (holder for a proxy) is checked in
    };
    static QString refusal(const RefusalFacts &facts);
    // "85.0 %" in the current locale; empty for a negative (no percentage).
    static QString percent(double value);
    static QString baseLabel(core::VoteBase base);
};

} // namespace chamber::kiosk
