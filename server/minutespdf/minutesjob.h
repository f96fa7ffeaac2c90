// Minutes rendered in a child process, as seat cards are (qrcode/seatcardjob.h): chamberd has
// no QGuiApplication and should not wait for a PDF, so it hands the model to
// `chamberd --render-minutes` as JSON on stdin and reads the unsigned PDF from stdout (then
// signs it itself: the child never sees the key).
#pragma once

#include "minutes/minutesmodel.h"
#include "protocol/error.h"

#include <QByteArray>

namespace chamber::minutespdf {

struct MinutesJob
{
    minutes::MinutesModel model;
    minutes::MinutesLanguage language = minutes::MinutesLanguage::Vietnamese;
};

// A meeting of 500 delegates, 40 items, 60 polls and 400 speeches is a few MB of model.
inline constexpr qsizetype kMaxMinutesJobBytes = 64 * 1024 * 1024;

// {"model": MinutesModel::toJson(), "language": "vi"|"en"}, compact.
QByteArray minutesJobToJson(const minutes::MinutesModel &model, minutes::MinutesLanguage language);
// TooLarge above kMaxMinutesJobBytes; BadJson for what is not a JSON object; BadField naming
// the field for a wrong language or a model MinutesModel::fromJson refuses.
Result<MinutesJob> parseMinutesJob(const QByteArray &json);

// The argument that makes chamberd the minutes renderer.
inline constexpr char kRenderMinutesArgument[] = "--render-minutes";

// The child's side: reads a job from stdin, writes the PDF to stdout; 0 on success, else the
// error's message on stderr and 1. Makes its own QGuiApplication (offscreen platform).
int renderMinutesMain(int argc, char *argv[]);

} // namespace chamber::minutespdf
