#include <QString>
namespace sk { QString uiPlaceholder() { return {}; } }
