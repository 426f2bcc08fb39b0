#pragma once

#include "attention/batchingrules.h"

#include <QGroupBox>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QVBoxLayout;

namespace fermata {

// What may break through outside check-in windows (VIP senders, keywords, critical sources,
// capped per hour) and the per-source rules (always hold / always allow / mute), as edited in
// Preferences → Check-in. Everything the BatchingConfig holds, on one compact group.
class BreakThroughBox final : public QGroupBox
{
    Q_OBJECT
public:
    explicit BreakThroughBox(const BatchingConfig &rules, QWidget *parent = nullptr);

    BatchingConfig rules() const;
    QString problem() const;

    QLineEdit *vipEdit() const { return m_vips; }
    QLineEdit *keywordEdit() const { return m_keywords; }
    QLineEdit *criticalEdit() const { return m_critical; }
    QSpinBox *capBox() const { return m_cap; }
    QCheckBox *strictBox() const { return m_strict; }
    QPushButton *addSourceButton() const { return m_addSource; }
    int sourceRuleCount() const { return int(m_sourceRows.size()); }
    // Adds a per-source rule row (also the "Add source rule" button).
    void addSourceRule(const QString &source = {}, SourcePolicy policy = SourcePolicy::AlwaysHold);
    QLineEdit *sourceNameEdit(int row) const { return m_sourceRows.value(row).name; }
    QComboBox *sourcePolicyBox(int row) const { return m_sourceRows.value(row).policy; }

Q_SIGNALS:
    void edited();

private:
    struct SourceRow
    {
        QWidget *row = nullptr;
        QLineEdit *name = nullptr;
        QComboBox *policy = nullptr;
    };

    QLineEdit *listEdit(const QStringList &values, const QString &placeholder);

    QLineEdit *m_vips = nullptr;
    QLineEdit *m_keywords = nullptr;
    QLineEdit *m_critical = nullptr;
    QSpinBox *m_cap = nullptr;
    QCheckBox *m_strict = nullptr;
    QVBoxLayout *m_sourceLayout = nullptr;
    QPushButton *m_addSource = nullptr;
    QList<SourceRow> m_sourceRows;
};

} // namespace fermata
