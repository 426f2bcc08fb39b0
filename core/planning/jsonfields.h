#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace fermata::interop {

// Reads typed fields from JSON objects and remembers the first problem as a sentence that
// names the field ("tasks[3].duration: expected a whole number"). Later reads after an
// error return defaults, so a reader can check once at the end.
class JsonFields final
{
public:
    bool hasError() const { return !m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    void fail(const QString &path, const QString &what);

    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path, bool required = true);
    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path, bool required = true);
    std::optional<qint64> integer(const QJsonObject &o, const QString &key, const QString &path,
                                  std::optional<qint64> fallback = std::nullopt);
    QString string(const QJsonObject &o, const QString &key, const QString &path,
                   std::optional<QString> fallback = std::nullopt);
    bool boolean(const QJsonObject &o, const QString &key, const QString &path,
                 std::optional<bool> fallback = std::nullopt);

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
    static QString index(const QString &path, qsizetype i)
    {
        return path + QLatin1Char('[') + QString::number(i) + QLatin1Char(']');
    }

private:
    QString m_error;
};

} // namespace fermata::interop
