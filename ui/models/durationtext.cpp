#include "models/durationtext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace fermata::DurationText {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("fermata::DurationText", text);
}

} // namespace

QString format(int minutes)
{
    const int hours = minutes / 60;
    const int rest = minutes % 60;
    if (hours == 0)
        return tr("%1 min").arg(rest);
    if (rest == 0)
        return tr("%1 h").arg(hours);
    return tr("%1 h %2 min").arg(hours).arg(rest);
}

std::optional<int> parse(const QString &text)
{
    const QString input = text.trimmed().toLower();
    static const QRegularExpression clock(QStringLiteral("^(\\d{1,3}):([0-5]\\d)$"));
    if (const auto match = clock.match(input); match.hasMatch())
        return match.captured(1).toInt() * 60 + match.captured(2).toInt();

    static const QRegularExpression units(QStringLiteral(
        "^(?:(\\d+(?:[.,]\\d+)?)\\s*h(?:ours?|rs?)?)?\\s*(?:(\\d+)\\s*(?:m|min|mins|minutes?)?)?$"));
    const auto match = units.match(input);
    if (input.isEmpty() || !match.hasMatch())
        return std::nullopt;
    const QString hours = match.captured(1);
    const QString minutes = match.captured(2);
    if (hours.isEmpty() && minutes.isEmpty())
        return std::nullopt;
    double total = minutes.isEmpty() ? 0.0 : minutes.toDouble();
    if (!hours.isEmpty())
        total += QString(hours).replace(QLatin1Char(','), QLatin1Char('.')).toDouble() * 60.0;
    return int(std::lround(total));
}

} // namespace fermata::DurationText
