// The minutes PDF: a meeting's MinutesModel written in the form a Vietnamese council's minutes
// (biên bản kỳ họp) take, in Vietnamese or English. Unsigned: pdfsigner.h signs it.
#pragma once

#include "minutes/minutesmodel.h"

#include <QByteArray>

namespace chamber::minutespdf {

// A4, Noto Serif; national motto header, organisation, "BIÊN BẢN", session, time and place,
// chair and secretary, attendance with times and the absent with their reasons, per agenda item
// its documents, speeches (with recordings), polls (method, rule in words, counts, outcome,
// roll call or receipts) and conclusions; bridge points; closing and signature lines; on every
// page a footer with the page number and the event and hash the minutes were made from.
// Words come from the "Minutes" translations (vi complete; en is the source text).
// Deterministic: the same model and language give the same bytes (the PDF's creation date is
// the model's last event time). Times are printed in Vietnam time (UTC+07:00) whatever this
// computer's time zone.
//
// Sets the process's hash seed to Qt's deterministic one (QHashSeed) for every QHash made
// afterwards: call it in a process that renders (the render child, tests), not in one that
// hashes what the network sends (chamberd itself never renders).
//
// Needs a QGuiApplication (fonts; the offscreen platform is enough): without one, returns an
// empty array. Call it from the thread that owns the application.
QByteArray renderMinutesPdf(const minutes::MinutesModel &model, minutes::MinutesLanguage language);

} // namespace chamber::minutespdf
