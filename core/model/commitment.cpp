#include "model/commitment.h"

#include <QCoreApplication>
#include <QDebug>

namespace {

// Messages people read, filed under the model context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Model)
};

} // namespace

namespace fermata {

QString commitmentStatusKey(Commitment::Status status)
{
    switch (status) {
    case Commitment::Status::InProgress: return QStringLiteral("in_progress");
    case Commitment::Status::Done: return QStringLiteral("done");
    case Commitment::Status::Dropped: return QStringLiteral("dropped");
    case Commitment::Status::Planned: break;
    }
    return QStringLiteral("planned");
}

std::optional<Commitment::Status> commitmentStatusFromKey(const QString &key)
{
    for (auto status : {Commitment::Status::Planned, Commitment::Status::InProgress, Commitment::Status::Done,
                        Commitment::Status::Dropped}) {
        if (commitmentStatusKey(status) == key)
            return status;
    }
    return std::nullopt;
}

QString commitmentStatusText(Commitment::Status status)
{
    switch (status) {
    case Commitment::Status::InProgress: return Text::tr("in progress");
    case Commitment::Status::Done: return Text::tr("done");
    case Commitment::Status::Dropped: return Text::tr("dropped");
    case Commitment::Status::Planned: break;
    }
    return Text::tr("planned");
}

QDebug operator<<(QDebug debug, const Commitment &c)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Commitment(" << c.uuid.toString(QUuid::WithoutBraces) << ' ' << c.ownerRole << ' '
                    << c.title << ' ' << c.estimateMinutes << "min due "
                    << (c.due.isValid() ? c.due.toUTC().toString(Qt::ISODate) : QStringLiteral("-")) << ' '
                    << commitmentStatusKey(c.status) << " ends "
                    << (c.finishDay.isValid() ? c.finishDay.toString(Qt::ISODate) : QStringLiteral("-")) << ')';
    return debug;
}

QDebug operator<<(QDebug debug, const TeammateCommitment &c)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << c.commitment << " by " << c.displayName() << " in "
                    << (c.ownerZoneId.isEmpty() ? QByteArray("-") : c.ownerZoneId);
    return debug;
}

} // namespace fermata
