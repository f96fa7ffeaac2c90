// chamberctl commands for joining devices: QR codes, printable seat cards, the device list.
#pragma once

#include "ctl/commands.h"

namespace chamber::ctl {

int joinCode(const Arguments &args, CommandContext &context);
int seatCards(const Arguments &args, CommandContext &context);
int deviceList(const Arguments &args, CommandContext &context);
int revokeDevice(const Arguments &args, CommandContext &context);

} // namespace chamber::ctl
