#pragma once

#include "auth/authsession.h"

#include <QDialog>
#include <QList>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace sk {

// Lets a user who belongs to several shops choose one: the shops with their role and currency,
// filtered as you type; Enter (or a double-click) opens the highlighted shop.
class ShopPickerDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ShopPickerDialog(const QList<ShopMembership> &shops, QWidget *parent = nullptr);

    // Replaces the list (a refreshed /v1/me), keeping the filter and the highlighted shop.
    void setShops(const QList<ShopMembership> &shops);
    QList<ShopMembership> shops() const { return m_shops; }
    // The shop in use now: highlighted at first and marked as current.
    void setCurrentShopId(const QString &shopId);

    void setFilterText(const QString &text);
    QString filterText() const;
    // Shops left after the filter.
    int visibleCount() const;

    // The highlighted shop; nullopt when none is.
    std::optional<ShopMembership> selectedShop() const;

    // Nothing to pick for one shop: returns it without showing anything. Otherwise runs the
    // dialog; nullopt when it is cancelled or there is no shop.
    static std::optional<ShopMembership> pick(const QList<ShopMembership> &shops, const QString &currentShopId,
                                              QWidget *parent = nullptr);

    // "owner" -> "Owner", in the user's language.
    static QString roleText(const QString &role);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void rebuild();
    void applyFilter();
    void updateButtons();
    void acceptIfSelected();

    QList<ShopMembership> m_shops;
    QString m_currentShopId;
    QLineEdit *m_filter = nullptr;
    QTreeWidget *m_list = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_open = nullptr;
};

} // namespace sk
