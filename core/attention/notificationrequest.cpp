#include "attention/notificationrequest.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonParseError>

namespace {

// Messages people read, filed under the attention context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Attention)
};

} // namespace

namespace fermata::notificationrequest {

namespace {

Error invalid(const QString &message)
{
    return Error{Error::Code::Invalid, message};
}

// An optional string field: absent or null is fine, anything but a string is not.
std::optional<Error> readString(const QJsonObject &object, const char *field, QString &out,
                                int maxLength)
{
    const QJsonValue value = object.value(QLatin1String(field));
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isString())
        return invalid(Text::tr("\"%1\" must be a string.").arg(QLatin1String(field)));
    out = value.toString();
    if (out.size() > maxLength)
        return invalid(Text::tr("\"%1\" is longer than %2 characters.")
                           .arg(QLatin1String(field))
                           .arg(maxLength));
    return std::nullopt;
}

} // namespace

Result<InboxItem> parse(const QByteArray &json, const QString &defaultSource)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return invalid(Text::tr("The body is not valid JSON (%1 at offset %2).")
                           .arg(error.errorString())
                           .arg(error.offset));
    if (!document.isObject())
        return invalid(Text::tr("The body must be a JSON object with at least a \"title\"."));
    return fromJson(document.object(), defaultSource);
}

Result<InboxItem> fromJson(const QJsonObject &object, const QString &defaultSource)
{
    InboxItem item;
    Notification &n = item.notification;
    if (!object.contains(QLatin1String("title")))
        return invalid(Text::tr("\"title\" is missing; every notification needs one."));
    if (auto e = readString(object, "title", n.title, MaxTitleLength))
        return *e;
    if (n.title.trimmed().isEmpty())
        return invalid(Text::tr("\"title\" is empty; every notification needs one."));
    n.source = defaultSource;
    QString urgency;
    for (const auto &[field, target, max] : {std::tuple{"source", &n.source, 200},
                                             std::tuple{"sender", &n.sender, 500},
                                             std::tuple{"body", &n.body, MaxBodyLength},
                                             std::tuple{"urgency", &urgency, 20},
                                             std::tuple{"uuid", &item.uuid, 100}}) {
        if (auto e = readString(object, field, *target, max))
            return *e;
    }
    if (n.source.trimmed().isEmpty())
        return invalid(Text::tr("\"source\" is empty; say which app sends this."));
    if (!urgency.isEmpty()) {
        const auto parsed = urgencyFromKey(urgency);
        if (!parsed)
            return invalid(Text::tr("\"urgency\" must be low, normal or critical, not \"%1\".")
                               .arg(urgency));
        n.urgency = *parsed;
    }
    return item;
}

QJsonObject toJson(const InboxItem &item)
{
    const Notification &n = item.notification;
    QJsonObject object{{QStringLiteral("title"), n.title},
                       {QStringLiteral("source"), n.source},
                       {QStringLiteral("urgency"), urgencyKey(n.urgency)}};
    if (!n.sender.isEmpty())
        object.insert(QStringLiteral("sender"), n.sender);
    if (!n.body.isEmpty())
        object.insert(QStringLiteral("body"), n.body);
    if (!item.uuid.isEmpty())
        object.insert(QStringLiteral("uuid"), item.uuid);
    return object;
}

} // namespace fermata::notificationrequest
