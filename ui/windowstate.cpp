#include "windowstate.h"

namespace fermata {

namespace {
const QString geometryKey = QStringLiteral("window/geometry");
const QString splitterPrefix = QStringLiteral("window/splitter/");
} // namespace

WindowState::WindowState(const QString &settingsFile) : m_settings(settingsFile, QSettings::IniFormat)
{
}

QByteArray WindowState::geometry() const
{
    return m_settings.value(geometryKey).toByteArray();
}

void WindowState::setGeometry(const QByteArray &geometry)
{
    m_settings.setValue(geometryKey, geometry);
}

QByteArray WindowState::splitterState(QStringView name) const
{
    return m_settings.value(splitterPrefix + name.toString()).toByteArray();
}

void WindowState::setSplitterState(QStringView name, const QByteArray &state)
{
    m_settings.setValue(splitterPrefix + name.toString(), state);
}

void WindowState::sync()
{
    m_settings.sync();
}

} // namespace fermata
