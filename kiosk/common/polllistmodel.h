// Every poll of the meeting, newest first, for the chair's list. Follows the meeting state in
// place: a poll that opens, closes or is published changes its own row (dataChanged), a new
// poll is inserted at the top; the list never resets for either, so it keeps its scroll
// position and the row under the chair's finger.
#pragma once

#include "core/meeting.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace chamber::kiosk {

class PollListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("provided by Kiosk.voting")

public:
    enum Role {
        PollIdRole = Qt::UserRole + 1, // int: the poll's id
        TitleRole, // string: what is voted on
        PollStateRole, // string: draft, open, closed or published (the protocol's names)
        StateLabelRole, // string: the state in words ("Voting now")
        SecretRole, // bool: a secret ballot
        VerdictLabelRole, // string: "Passed", "Elected: …"; empty until closed
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Also after a change of language: the labels are in words.
    void update(const core::MeetingState &meeting);

private:
    struct Row
    {
        qint64 id = 0;
        QString title;
        QString pollState;
        QString stateLabel;
        bool secret = false;
        QString verdictLabel;
        bool operator==(const Row &) const = default;
    };
    std::vector<Row> m_rows;
};

} // namespace chamber::kiosk
