// The majority rule of `chamberctl poll create`, from its options: a preset (--rule NAME) or a
// custom rule (--fraction 2/3 --at-least|--more-than --base members|present|cast
// [--abstentions count|ignore] [--by-weight] [--quorum N/D [--quorum-at-least]]). Checked here
// so a typo gets a clear message before anything is sent; the server checks the rule again
// (core::MajorityRule::fromJson) and describes it (the poll's ruleText).
#pragma once

#include "ctl/arguments.h"
#include "protocol/error.h"

#include <QJsonObject>
#include <QStringList>

namespace chamber::ctl {

// The options poll create reads for its rule.
QStringList pollRuleOptions();

// The wire's rule object: {"preset": NAME}, or a full custom rule. Errors (BadField, naming
// the option) say what is wrong and what is expected.
Result<QJsonObject> pollRuleFromArguments(const Arguments &args);

} // namespace chamber::ctl
