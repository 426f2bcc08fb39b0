#pragma once

#include <QDateTime>
#include <QTimeZone>
#include <QWidget>

class QCheckBox;
class QDateTimeEdit;

namespace fermata {

// A date and time that may be absent ("no deadline"): a check box enables the editor. The
// editor shows wall-clock time in the person's zone; value() is the UTC instant.
class OptionalDateTimeEdit final : public QWidget
{
    Q_OBJECT
public:
    explicit OptionalDateTimeEdit(const QString &checkLabel, QWidget *parent = nullptr);

    void setTimeZone(const QTimeZone &zone);
    // An invalid instant unticks the box (the editor keeps a sensible default).
    void setValue(const QDateTime &instant, const QDateTime &fallback);
    QDateTime value() const;

Q_SIGNALS:
    void edited();

private:
    QCheckBox *m_enabled = nullptr;
    QDateTimeEdit *m_edit = nullptr;
    QTimeZone m_zone = QTimeZone::systemTimeZone();
};

} // namespace fermata
