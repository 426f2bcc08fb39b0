#include "dialogs/breakthroughbox.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>

#include <algorithm>

namespace fermata {

namespace {

QStringList sorted(QStringList values)
{
    values.sort(Qt::CaseInsensitive);
    return values;
}

// "a, b ,, c" -> {"a", "b", "c"}
QStringList splitList(const QString &text)
{
    QStringList values;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString value = part.trimmed();
        if (!value.isEmpty() && !values.contains(value, Qt::CaseInsensitive))
            values.append(value);
    }
    return values;
}

} // namespace

BreakThroughBox::BreakThroughBox(const BatchingConfig &rules, QWidget *parent)
    : QGroupBox(tr("What may break through"), parent)
{
    setObjectName(QStringLiteral("breakThroughBox"));
    m_vips = listEdit(sorted(QStringList(rules.vipSenders.cbegin(), rules.vipSenders.cend())),
                      tr("e.g. boss@example.com, Alice"));
    m_vips->setObjectName(QStringLiteral("vipSenders"));
    m_keywords = listEdit(rules.keywords, tr("e.g. outage, urgent"));
    m_keywords->setObjectName(QStringLiteral("keywords"));
    m_critical = listEdit(sorted(QStringList(rules.criticalSources.cbegin(), rules.criticalSources.cend())),
                          tr("e.g. pagerduty"));
    m_critical->setObjectName(QStringLiteral("criticalSources"));
    m_cap = new QSpinBox(this);
    m_cap->setObjectName(QStringLiteral("breakThroughCap"));
    m_cap->setRange(0, 60);
    m_cap->setValue(rules.breakThroughsPerHour);
    m_cap->setSpecialValueText(tr("None"));
    m_cap->setSuffix(tr(" per hour"));
    m_cap->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    m_cap->setToolTip(tr("A flood of urgent notifications must not undo your check-ins: after this "
                         "many in an hour, the rest wait."));
    connect(m_cap, &QSpinBox::valueChanged, this, &BreakThroughBox::edited);
    m_strict = new QCheckBox(tr("Do Not Disturb outside check-in windows too"), this);
    m_strict->setToolTip(tr("Without this, the desktop's Do Not Disturb is on only during focus."));
    m_strict->setObjectName(QStringLiteral("strictMode"));
    m_strict->setChecked(rules.strictMode);
    connect(m_strict, &QCheckBox::toggled, this, &BreakThroughBox::edited);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    form->addRow(tr("&VIP senders:"), m_vips);
    form->addRow(tr("&Keywords:"), m_keywords);
    form->addRow(tr("Critical from &sources:"), m_critical);
    form->addRow(tr("At most:"), m_cap);

    m_sourceLayout = new QVBoxLayout;
    m_sourceLayout->setSpacing(4);
    m_addSource = new QPushButton(tr("Add Source Rule"), this);
    m_addSource->setObjectName(QStringLiteral("addSourceRule"));
    connect(m_addSource, &QPushButton::clicked, this, [this] { addSourceRule(); });
    auto *sourceHeader = new QLabel(tr("Per source (name as the notifications give it):"), this);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_strict);
    layout->addWidget(sourceHeader);
    layout->addLayout(m_sourceLayout);
    layout->addWidget(m_addSource, 0, Qt::AlignLeft);

    QStringList sources = rules.sourcePolicies.keys();
    sources.sort(Qt::CaseInsensitive);
    for (const QString &source : std::as_const(sources)) {
        if (rules.sourcePolicies.value(source) != SourcePolicy::Default)
            addSourceRule(source, rules.sourcePolicies.value(source));
    }
}

QLineEdit *BreakThroughBox::listEdit(const QStringList &values, const QString &placeholder)
{
    auto *edit = new QLineEdit(values.join(QStringLiteral(", ")), this);
    edit->setPlaceholderText(placeholder);
    edit->setToolTip(tr("Separate several with commas."));
    connect(edit, &QLineEdit::textChanged, this, &BreakThroughBox::edited);
    return edit;
}

void BreakThroughBox::addSourceRule(const QString &source, SourcePolicy policy)
{
    SourceRow row;
    row.row = new QWidget(this);
    auto *layout = new QHBoxLayout(row.row);
    layout->setContentsMargins(0, 0, 0, 0);
    row.name = new QLineEdit(source, row.row);
    row.name->setPlaceholderText(tr("Source, e.g. Mail"));
    row.name->setAccessibleName(tr("Source name"));
    row.policy = new QComboBox(row.row);
    row.policy->setAccessibleName(tr("Rule for this source"));
    row.policy->addItem(tr("Always hold until a check-in"), int(SourcePolicy::AlwaysHold));
    row.policy->addItem(tr("Always let through"), int(SourcePolicy::AlwaysAllow));
    row.policy->addItem(tr("Mute (keep for the record only)"), int(SourcePolicy::Mute));
    row.policy->setCurrentIndex(std::max(0, row.policy->findData(int(policy))));
    auto *remove = new QToolButton(row.row);
    remove->setText(tr("Remove"));
    remove->setToolTip(tr("Remove this source rule"));
    layout->addWidget(row.name, 1);
    layout->addWidget(row.policy);
    layout->addWidget(remove);
    m_sourceLayout->addWidget(row.row);
    m_sourceRows.append(row);

    connect(row.name, &QLineEdit::textChanged, this, &BreakThroughBox::edited);
    connect(row.policy, &QComboBox::currentIndexChanged, this, &BreakThroughBox::edited);
    QWidget *rowWidget = row.row;
    connect(remove, &QToolButton::clicked, this, [this, rowWidget] {
        m_sourceRows.removeIf([rowWidget](const SourceRow &r) { return r.row == rowWidget; });
        rowWidget->deleteLater();
        Q_EMIT edited();
    });
    if (source.isEmpty())
        row.name->setFocus();
    Q_EMIT edited();
}

BatchingConfig BreakThroughBox::rules() const
{
    BatchingConfig rules;
    for (const QString &vip : splitList(m_vips->text()))
        rules.vipSenders.insert(vip);
    rules.keywords = splitList(m_keywords->text());
    for (const QString &source : splitList(m_critical->text()))
        rules.criticalSources.insert(source);
    rules.breakThroughsPerHour = m_cap->value();
    rules.strictMode = m_strict->isChecked();
    for (const SourceRow &row : m_sourceRows)
        rules.sourcePolicies.insert(row.name->text().trimmed(), SourcePolicy(row.policy->currentData().toInt()));
    return rules;
}

QString BreakThroughBox::problem() const
{
    QStringList seen;
    for (const SourceRow &row : m_sourceRows) {
        const QString name = row.name->text().trimmed();
        if (name.isEmpty())
            return tr("A source rule has no source name: type the source (e.g. Mail), or remove the rule.");
        if (seen.contains(name))
            return tr("“%1” has two source rules: keep one.").arg(name);
        seen.append(name);
    }
    return {};
}

} // namespace fermata
