#pragma once

#include "services/preferences.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTimeEdit;

namespace fermata {

// Working hours per weekday and the time zone. OK saves through Preferences::setWorkingHours;
// a day whose end is not after its start (or an unknown zone) keeps OK disabled and says why.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PreferencesDialog(Preferences &preferences, QWidget *parent = nullptr);

    WorkingHours workingHours() const;
    // An empty string when the form can be saved, else what to fix.
    QString validationError() const;

    QCheckBox *workingBox(Qt::DayOfWeek day) const { return m_rows[index(day)].working; }
    QTimeEdit *startEdit(Qt::DayOfWeek day) const { return m_rows[index(day)].start; }
    QTimeEdit *endEdit(Qt::DayOfWeek day) const { return m_rows[index(day)].end; }
    QComboBox *timeZoneBox() const { return m_zone; }
    QLabel *errorLabel() const { return m_error; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    void accept() override;

private:
    struct Row
    {
        QCheckBox *working = nullptr;
        QTimeEdit *start = nullptr;
        QTimeEdit *end = nullptr;
    };

    static size_t index(Qt::DayOfWeek day) { return size_t(day) - 1; }
    QWidget *buildHoursGroup(const WorkingHours &hours);
    QWidget *buildZoneRow();
    void revalidate();

    Preferences &m_preferences;
    std::array<Row, 7> m_rows;
    QComboBox *m_zone = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace fermata
