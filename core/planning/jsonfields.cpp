#include "planning/jsonfields.h"

#include <QCoreApplication>

#include <cmath>

namespace {

// Messages people read, filed under the planning context of the core's translations.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(fermata::Planning)
};

} // namespace

namespace fermata::interop {

void JsonFields::fail(const QString &path, const QString &what)
{
    if (m_error.isEmpty())
        m_error = path + QStringLiteral(": ") + what;
}

QJsonObject JsonFields::object(const QJsonObject &o, const QString &key, const QString &path, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isObject())
        return v.toObject();
    if (!v.isUndefined() || required)
        fail(join(path, key), v.isUndefined() ? QStringLiteral("missing") : Text::tr("expected an object"));
    return {};
}

QJsonArray JsonFields::array(const QJsonObject &o, const QString &key, const QString &path, bool required)
{
    const QJsonValue v = o.value(key);
    if (v.isArray())
        return v.toArray();
    if (!v.isUndefined() || required)
        fail(join(path, key), v.isUndefined() ? QStringLiteral("missing") : Text::tr("expected a list"));
    return {};
}

std::optional<qint64> JsonFields::integer(const QJsonObject &o, const QString &key, const QString &path,
                                          std::optional<qint64> fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isUndefined() || v.isNull()) {
        if (!fallback)
            fail(join(path, key), QStringLiteral("missing"));
        return fallback;
    }
    const double d = v.toDouble(std::nan(""));
    if (!v.isDouble() || std::isnan(d) || d != std::floor(d) || std::fabs(d) > 1e15) {
        fail(join(path, key), Text::tr("expected a whole number"));
        return fallback;
    }
    return qint64(d);
}

QString JsonFields::string(const QJsonObject &o, const QString &key, const QString &path,
                           std::optional<QString> fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isString())
        return v.toString();
    if (v.isUndefined() && fallback)
        return *fallback;
    fail(join(path, key), v.isUndefined() ? QStringLiteral("missing") : Text::tr("expected text"));
    return fallback.value_or(QString());
}

bool JsonFields::boolean(const QJsonObject &o, const QString &key, const QString &path,
                         std::optional<bool> fallback)
{
    const QJsonValue v = o.value(key);
    if (v.isBool())
        return v.toBool();
    if (v.isUndefined() && fallback)
        return *fallback;
    fail(join(path, key), v.isUndefined() ? QStringLiteral("missing") : Text::tr("expected true or false"));
    return fallback.value_or(false);
}

} // namespace fermata::interop
