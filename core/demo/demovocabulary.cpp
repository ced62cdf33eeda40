#include "demovocabulary.h"

#include <array>

namespace sk {

namespace {

using V = DemoVocabulary;
using O = DemoVocabulary::Options;

// --- Option values -------------------------------------------------------------------

constexpr std::array<V::OptionValue, 6> kApparelSizes{{
    {"XS", "XS", 5, 0}, {"S", "S", 15, 0}, {"M", "M", 30, 0},
    {"L", "L", 28, 0}, {"XL", "XL", 15, 0}, {"XXL", "XXL", 7, 5},
}};
constexpr std::array<V::OptionValue, 6> kWaistSizes{{
    {"28", "28", 8, 0}, {"30", "30", 18, 0}, {"32", "32", 26, 0},
    {"34", "34", 24, 0}, {"36", "36", 16, 0}, {"38", "38", 8, 0},
}};
constexpr std::array<V::OptionValue, 11> kShoeSizes{{
    {"36", "36", 4, 0}, {"37", "37", 7, 0}, {"38", "38", 10, 0}, {"39", "39", 13, 0},
    {"40", "40", 15, 0}, {"41", "41", 15, 0}, {"42", "42", 13, 0}, {"43", "43", 10, 0},
    {"44", "44", 7, 0}, {"45", "45", 4, 0}, {"46", "46", 2, 0},
}};
constexpr std::array<V::OptionValue, 24> kColors{{
    {"Black", "BLK", 10, 0}, {"White", "WHT", 9, 0}, {"Navy", "NVY", 8, 0}, {"Heather Grey", "HGR", 7, 0},
    {"Olive", "OLV", 5, 0}, {"Sand", "SND", 5, 0}, {"Ecru", "ECR", 5, 0}, {"Forest Green", "FGR", 4, 0},
    {"Burgundy", "BRG", 4, 0}, {"Rust", "RST", 4, 0}, {"Sky Blue", "SKY", 4, 0}, {"Charcoal", "CHR", 6, 0},
    {"Camel", "CML", 4, 0}, {"Terracotta", "TRC", 3, 0}, {"Sage", "SAG", 3, 0}, {"Mustard", "MUS", 3, 0},
    {"Blush Pink", "PNK", 3, 0}, {"Red", "RED", 4, 0}, {"Cream", "CRM", 4, 0}, {"Chocolate", "BRN", 3, 0},
    {"Tan", "TAN", 3, 0}, {"Indigo", "IND", 4, 0}, {"Khaki", "KHK", 3, 0}, {"Lavender", "LAV", 2, 0},
}};
constexpr std::array<V::OptionValue, 4> kMaterials{{
    {"Canvas", "CNV", 10, 0}, {"Leather", "LTH", 6, 60}, {"Nylon", "NYL", 5, -10}, {"Suede", "SUE", 3, 40},
}};
constexpr std::array<V::OptionValue, 10> kScents{{
    {"Fig", "FIG", 9, 0}, {"Cedar", "CED", 7, 0}, {"Lavender", "LAV", 8, 0}, {"Amber", "AMB", 6, 0},
    {"Vetiver", "VET", 4, 0}, {"Orange Blossom", "ORB", 6, 0}, {"Sea Salt", "SEA", 5, 0},
    {"Tomato Leaf", "TOM", 3, 0}, {"Rose", "ROS", 5, 0}, {"Unscented", "UNS", 3, 0},
}};
constexpr std::array<V::OptionValue, 3> kHomeSizes{{
    {"Small", "SM", 8, 0}, {"Medium", "MD", 10, 40}, {"Large", "LG", 6, 80},
}};
constexpr std::array<V::OptionValue, 3> kVolumes{{
    {"50 ml", "50ML", 10, 0}, {"100 ml", "100ML", 8, 60}, {"250 ml", "250ML", 4, 150},
}};
// Gift card prices are the amount itself: priceStep is unused for them.
constexpr std::array<V::OptionValue, 4> kGiftAmounts{{
    {"25", "25", 6, 0}, {"50", "50", 10, 0}, {"100", "100", 5, 0}, {"200", "200", 1, 0},
}};

// --- Categories ----------------------------------------------------------------------

constexpr std::array<V::Noun, 17> kApparelNouns{{
    {"Tee", "TEE", 19, 39, 180, O::ApparelSize, "ORG LIN REC HVY GDY CLS RLX ESS OVR SLM VTG PIM HMP BOX EVD"},
    {"Long-Sleeve Tee", "LST", 25, 45, 220, O::ApparelSize, "ORG REC HVY GDY CLS RLX ESS OVR SLM VTG PIM WAF RIB BOX EVD"},
    {"Hoodie", "HOD", 49, 89, 520, O::ApparelSize, "ORG REC HVY BRU GDY CLS RLX ESS OVR VTG FLC BOX EVD"},
    {"Sweatshirt", "SWT", 45, 79, 450, O::ApparelSize, "ORG REC HVY BRU GDY CLS RLX ESS OVR VTG FLC BOX EVD"},
    {"Sweater", "SWE", 59, 129, 400, O::ApparelSize, "MER WOL CSH RIB CLS RLX OVR VTG EVD REC"},
    {"Cardigan", "CAR", 69, 139, 420, O::ApparelSize, "MER WOL CSH RIB CLS RLX OVR VTG"},
    {"Shirt", "SHI", 49, 95, 250, O::ApparelSize, "ORG LIN CLS RLX SLM VTG BRU OVR EVD HMP"},
    {"Overshirt", "OVS", 69, 129, 480, O::ApparelSize, "COR WOL BRU HVY CLS RLX OVR VTG HMP"},
    {"Polo", "POL", 39, 69, 240, O::ApparelSize, "ORG PIM CLS SLM RLX RIB EVD"},
    {"Jacket", "JKT", 99, 249, 750, O::ApparelSize, "COR WOL REC HVY CLS VTG SEL"},
    {"Parka", "PRK", 149, 329, 1200, O::ApparelSize, "REC HVY CLS WOL"},
    {"Chinos", "CHI", 59, 99, 500, O::WaistSize, "ORG LIN COR CLS RLX SLM HMP EVD"},
    {"Jeans", "JEA", 69, 129, 650, O::WaistSize, "SEL REC CLS RLX SLM VTG"},
    {"Shorts", "SHO", 35, 59, 300, O::WaistSize, "ORG LIN HMP CLS RLX EVD REC"},
    {"Dress", "DRS", 59, 149, 350, O::ApparelSize, "ORG LIN MER RIB CLS RLX VTG WAF"},
    {"Skirt", "SKI", 45, 89, 280, O::ApparelSize, "LIN COR WOL CLS VTG RIB"},
    {"Joggers", "JOG", 45, 79, 420, O::ApparelSize, "ORG FLC BRU REC RLX CLS EVD WAF"},
}};
constexpr std::array<V::Word, 24> kApparelAdjectives{{
    {"Organic Cotton", "ORG"}, {"Linen", "LIN"}, {"Merino", "MER"}, {"Recycled", "REC"},
    {"Heavyweight", "HVY"}, {"Brushed", "BRU"}, {"Garment-Dyed", "GDY"}, {"Ribbed", "RIB"},
    {"Classic", "CLS"}, {"Relaxed", "RLX"}, {"Essential", "ESS"}, {"Oversized", "OVR"},
    {"Slim", "SLM"}, {"Vintage", "VTG"}, {"Waffle", "WAF"}, {"Corduroy", "COR"},
    {"Selvedge", "SEL"}, {"Fleece", "FLC"}, {"Wool", "WOL"}, {"Cashmere", "CSH"},
    {"Pima", "PIM"}, {"Hemp", "HMP"}, {"Boxy", "BOX"}, {"Everyday", "EVD"},
}};
constexpr std::array<const char *, 6> kApparelVendors{
    "Atelier Nord", "Cotonnier & Fils", "Maison Brume", "Fjord Supply Co.", "Lagos Loom", "Sable & Sel"};
constexpr std::array<const char *, 6> kApparelSentences{
    "The %2 %1: cut for an easy, true-to-size fit.",
    "Soft from the first wear, and it keeps its shape wash after wash.",
    "Made in small runs from traceable fibres.",
    "Dropped shoulders and a longer back hem for layering.",
    "Pre-washed so it will not shrink after the first wash.",
    "Designed in Paris and sewn in a family-run workshop in Portugal.",
};

constexpr std::array<V::Noun, 7> kFootwearNouns{{
    {"Sneakers", "SNK", 79, 149, 900, O::ShoeSize, "CNV LTH SUE LOW HIG MIN CRT"},
    {"Boots", "BOT", 129, 249, 1400, O::ShoeSize, "LTH SUE CHE TRL DER"},
    {"Loafers", "LOF", 99, 189, 800, O::ShoeSize, "LTH SUE MIN WOV"},
    {"Sandals", "SDL", 49, 99, 500, O::ShoeSize, "LTH WOV MIN TRL"},
    {"Espadrilles", "ESP", 35, 59, 400, O::ShoeSize, "CNV WOV MIN"},
    {"Runners", "RUN", 89, 159, 700, O::ShoeSize, "TRL MIN WOV LOW"},
    {"Slippers", "SLP", 29, 49, 350, O::ShoeSize, "WOV SUE MIN"},
}};
constexpr std::array<V::Word, 11> kFootwearAdjectives{{
    {"Canvas", "CNV"}, {"Leather", "LTH"}, {"Suede", "SUE"}, {"Low-Top", "LOW"}, {"High-Top", "HIG"},
    {"Chelsea", "CHE"}, {"Derby", "DER"}, {"Minimal", "MIN"}, {"Trail", "TRL"}, {"Court", "CRT"},
    {"Woven", "WOV"},
}};
constexpr std::array<const char *, 4> kFootwearVendors{
    "Pas Léger", "Cordonnerie Martin", "Trailhead Works", "Lagos Loom"};
constexpr std::array<const char *, 5> kFootwearSentences{
    "The %2 %1 fit true to size: take your usual size.",
    "A cushioned footbed and a natural rubber sole for all-day wear.",
    "Stitched, not glued, so the sole can be replaced.",
    "Break-in time is short: wear them around the house for a day first.",
    "Lined with breathable cotton.",
};

constexpr std::array<V::Noun, 12> kAccessoryNouns{{
    {"Tote Bag", "TOT", 25, 59, 300, O::MaterialColor, "REC EVD CLS TRV PCK"},
    {"Backpack", "BPK", 69, 149, 800, O::Color, "CNV WAX REC PCK TRV EVD CLS VEG"},
    {"Belt", "BLT", 35, 69, 200, O::Color, "LTH VEG CLS"},
    {"Cap", "CAP", 25, 39, 100, O::Color, "CNV WAX WOL REC CLS"},
    {"Beanie", "BEA", 25, 45, 90, O::Color, "WOL MER RIB REC CLS"},
    {"Scarf", "SCF", 35, 89, 180, O::Color, "WOL MER RIB CLS"},
    {"Wallet", "WAL", 39, 79, 120, O::Color, "LTH VEG CLS REC TRV"},
    {"Card Holder", "CRD", 25, 45, 60, O::Color, "LTH VEG CLS"},
    {"Sunglasses", "SUN", 79, 159, 40, O::Color, "CLS TRV REC"},
    {"Socks", "SOC", 9, 19, 60, O::Color, "MER WOL RIB REC EVD"},
    {"Weekender Bag", "WKD", 119, 229, 1100, O::MaterialColor, "TRV CLS EVD"},
    {"Umbrella", "UMB", 29, 49, 400, O::Color, "PCK TRV CLS REC"},
}};
constexpr std::array<V::Word, 12> kAccessoryAdjectives{{
    {"Leather", "LTH"}, {"Canvas", "CNV"}, {"Waxed", "WAX"}, {"Wool", "WOL"}, {"Recycled", "REC"},
    {"Classic", "CLS"}, {"Packable", "PCK"}, {"Ribbed", "RIB"}, {"Merino", "MER"}, {"Vegan", "VEG"},
    {"Everyday", "EVD"}, {"Travel", "TRV"},
}};
constexpr std::array<const char *, 5> kAccessoryVendors{
    "Maison Brume", "Sac à Dos Studio", "Fjord Supply Co.", "Kalimba Goods", "Atelier Nord"};
constexpr std::array<const char *, 5> kAccessorySentences{
    "The %2 %1, made to go with everything in your wardrobe.",
    "Solid brass hardware and reinforced seams.",
    "Finished by hand; small marks are part of its character.",
    "Sized to carry the essentials without the bulk.",
    "Comes in a reusable cotton dust bag.",
};

constexpr std::array<V::Noun, 13> kHomeNouns{{
    {"Mug", "MUG", 14, 26, 350, O::Color, "STN CER HTH SPK GLZ MAT"},
    {"Candle", "CAN", 19, 39, 400, O::Scent, "CER TER RGL MAT"},
    {"Cushion Cover", "CUS", 29, 59, 250, O::HomeSizeColor, "LIN ORG WOV WAF"},
    {"Throw Blanket", "THR", 69, 149, 1200, O::Color, "LIN ORG WOV WAF"},
    {"Vase", "VAS", 29, 89, 900, O::HomeSize, "STN CER HTH SPK GLZ TER RGL MAT"},
    {"Plate Set", "PLT", 39, 79, 2000, O::Color, "STN CER HTH SPK GLZ MAT"},
    {"Serving Bowl", "BWL", 25, 55, 800, O::HomeSize, "STN CER HTH SPK GLZ OAK MAT"},
    {"Tea Towel", "TEA", 9, 19, 80, O::Color, "LIN ORG WAF"},
    {"Carafe", "CRF", 25, 45, 700, O::None, "RGL HTH"},
    {"Planter", "PLN", 19, 59, 1000, O::HomeSize, "TER CER STN RAT GLZ MAT"},
    {"Bath Towel", "BTH", 25, 49, 600, O::Color, "ORG WAF LIN"},
    {"Table Lamp", "LMP", 89, 189, 2500, O::Color, "CER OAK RAT STN MAT"},
    {"Diffuser", "DIF", 29, 49, 300, O::Scent, "CER RGL OAK MAT"},
}};
constexpr std::array<V::Word, 14> kHomeAdjectives{{
    {"Stoneware", "STN"}, {"Linen", "LIN"}, {"Ceramic", "CER"}, {"Hand-Thrown", "HTH"},
    {"Speckled", "SPK"}, {"Glazed", "GLZ"}, {"Waffle", "WAF"}, {"Terracotta", "TER"},
    {"Recycled Glass", "RGL"}, {"Oak", "OAK"}, {"Rattan", "RAT"}, {"Organic Cotton", "ORG"},
    {"Woven", "WOV"}, {"Matte", "MAT"},
}};
constexpr std::array<const char *, 5> kHomeVendors{
    "Terre d'Ocre", "Maison Lumière", "Kiln & Co.", "Casa Olivo", "Kalimba Goods"};
constexpr std::array<const char *, 5> kHomeSentences{
    "The %2 %1, for everyday moments that feel considered.",
    "Each piece is made by hand, so no two are exactly alike.",
    "Dishwasher safe; hand washing keeps the finish longer.",
    "Pairs well with the rest of the collection.",
    "Packed plastic-free in recycled paper.",
};

constexpr std::array<V::Noun, 8> kStationeryNouns{{
    {"Notebook", "NBK", 12, 29, 300, O::Color, "REC LIN LTH PKT CLS KRF HRD"},
    {"Dotted Journal", "JRN", 18, 32, 350, O::Color, "REC LIN LTH PKT HRD"},
    {"Fountain Pen", "PEN", 29, 89, 40, O::Color, "BRS CLS PKT"},
    {"Weekly Planner", "PLA", 19, 35, 400, O::None, "LIN REC HRD KRF CLS"},
    {"Greeting Cards", "GRT", 9, 19, 100, O::None, "REC KRF CLS"},
    {"Pencil Case", "PCS", 15, 29, 80, O::Color, "LTH LIN REC CRK"},
    {"Desk Organizer", "DSK", 25, 49, 500, O::Color, "CRK BRS LTH REC"},
    {"Sketchbook", "SKB", 14, 28, 450, O::None, "REC KRF HRD PKT LIN"},
}};
constexpr std::array<V::Word, 9> kStationeryAdjectives{{
    {"Recycled", "REC"}, {"Linen", "LIN"}, {"Leather", "LTH"}, {"Pocket", "PKT"}, {"Classic", "CLS"},
    {"Kraft", "KRF"}, {"Hardcover", "HRD"}, {"Brass", "BRS"}, {"Cork", "CRK"},
}};
constexpr std::array<const char *, 3> kStationeryVendors{"Papeterie Rivoli", "Inkwell & Oak", "Maison Lumière"};
constexpr std::array<const char *, 4> kStationerySentences{
    "The %2 %1, with 120 g/m² paper that takes fountain pen ink without bleeding.",
    "Lays flat when open thanks to a sewn binding.",
    "Printed and bound in France.",
    "Made to stay on the desk, not in a drawer.",
};

constexpr std::array<V::Noun, 8> kCareNouns{{
    {"Soap Bar", "SOA", 7, 12, 120, O::Scent, "CPR ORG SHE OLV MRS CHA OAT GNT ARG CAL"},
    {"Hand Cream", "HCR", 12, 24, 90, O::Scent, "SHE ARG CAL ROS OAT GNT ORG"},
    {"Body Oil", "OIL", 24, 42, 150, O::Volume, "ARG ROS CPR ORG CAL OLV"},
    {"Shampoo Bar", "SHB", 12, 16, 80, O::Scent, "CPR ORG CHA OAT GNT ARG"},
    {"Lip Balm", "LIP", 6, 10, 20, O::None, "SHE ROS CAL ORG GNT"},
    {"Face Serum", "SER", 29, 59, 60, O::Volume, "ROS ARG ORG GNT CAL"},
    {"Shower Gel", "GEL", 9, 16, 300, O::Volume, "OLV OAT ORG GNT CAL ROS"},
    {"Beard Oil", "BRD", 18, 28, 60, O::None, "ARG CPR ORG"},
}};
constexpr std::array<V::Word, 11> kCareAdjectives{{
    {"Cold-Pressed", "CPR"}, {"Organic", "ORG"}, {"Shea", "SHE"}, {"Olive", "OLV"}, {"Argan", "ARG"},
    {"Calendula", "CAL"}, {"Rose", "ROS"}, {"Marseille", "MRS"}, {"Charcoal", "CHA"}, {"Oat", "OAT"},
    {"Gentle", "GNT"},
}};
constexpr std::array<const char *, 3> kCareVendors{"Savonnerie du Sud", "Jardin d'Argan", "Botanica Lagos"};
constexpr std::array<const char *, 4> kCareSentences{
    "The %2 %1, made with plant oils and nothing you cannot pronounce.",
    "Suitable for sensitive skin; dermatologically tested.",
    "Cold-processed in small batches and cured for six weeks.",
    "Vegan and never tested on animals.",
};

constexpr std::array<V::Category, 6> kCategories{{
    {"Apparel", "apparel", 24, kApparelNouns, kApparelAdjectives, kApparelVendors, kApparelSentences},
    {"Footwear", "footwear", 4, kFootwearNouns, kFootwearAdjectives, kFootwearVendors, kFootwearSentences},
    {"Accessories", "accessories", 20, kAccessoryNouns, kAccessoryAdjectives, kAccessoryVendors, kAccessorySentences},
    {"Home", "home", 24, kHomeNouns, kHomeAdjectives, kHomeVendors, kHomeSentences},
    {"Stationery", "stationery", 12, kStationeryNouns, kStationeryAdjectives, kStationeryVendors, kStationerySentences},
    {"Bath & Body", "bath-body", 14, kCareNouns, kCareAdjectives, kCareVendors, kCareSentences},
}};

// --- Everything else -----------------------------------------------------------------

constexpr std::array<const char *, 60> kModelNames{
    "Alder", "Birch", "Cedar", "Elm", "Hazel", "Juniper", "Linden", "Maple", "Rowan", "Willow",
    "Aster", "Iris", "Lupin", "Sorrel", "Thyme", "Fennel", "Sable", "Dune", "Harbor", "Mistral",
    "Sirocco", "Alizé", "Camargue", "Vercors", "Morvan", "Jura", "Luberon", "Cévennes", "Ardèche", "Quercy",
    "Belle-Île", "Ouessant", "Étretat", "Biarritz", "Annecy", "Colmar", "Menton", "Arles", "Nîmes", "Dinard",
    "Lagos", "Accra", "Dakar", "Kigali", "Nairobi", "Oslo", "Bergen", "Porto", "Lisboa", "Sevilla",
    "Tide", "Ember", "Flint", "Slate", "Loam", "Moss", "Pebble", "Cove", "Ridge", "Meadow",
};

constexpr std::array<const char *, 10> kExtraTags{
    "new", "bestseller", "gift idea", "summer", "winter", "limited edition", "made in France",
    "handmade", "staff pick", "back in stock",
};

constexpr std::array<const char *, 5> kCareInstructions{
    "Care: machine wash at 30 °C, do not tumble dry.",
    "Care: wipe clean with a damp cloth.",
    "Care: hand wash cold and dry flat.",
    "Care: store away from direct sunlight.",
    "Free returns within 30 days.",
};

constexpr std::array<const char *, 64> kFirstNames{
    "Camille", "Léa", "Louis", "Hugo", "Chloé", "Manon", "Jules", "Lucas", "Emma", "Inès",
    "Théo", "Sarah", "Nathan", "Zoé", "Arthur", "Jade", "Gabriel", "Louise", "Raphaël", "Alice",
    "Adam", "Lina", "Mohamed", "Yasmine", "Amina", "Karim", "Fatou", "Moussa", "Aïcha", "Paul",
    "Juliette", "Antoine", "Margaux", "Thomas", "Élodie", "Nicolas", "Céline", "Julien", "Sophie", "Maxime",
    "Clara", "Baptiste", "Anaïs", "Quentin", "Pauline", "Romain", "Marie", "Pierre", "Hélène", "François",
    "Olivia", "Liam", "Sofia", "Lukas", "Chiara", "Matteo", "Lucía", "Pablo", "Amelia", "Chinedu",
    "Ngozi", "Kwame", "Ama", "Wanjiru",
};

constexpr std::array<const char *, 64> kLastNames{
    "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
    "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier",
    "Morel", "Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez",
    "Legrand", "Garnier", "Faure", "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas",
    "Perrin", "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine", "Chevalier", "Robin",
    "Diallo", "Traoré", "Benali", "Nguyen", "Haddad", "Okafor", "Mensah", "Kamau", "Rossi", "Schmidt",
    "Jansen", "Silva", "Fernández", "O'Brien",
};

constexpr std::array<const char *, 24> kStreets{
    "%1 rue des Martyrs", "%1 rue de la République", "%1 avenue Jean Jaurès", "%1 rue Victor Hugo",
    "%1 boulevard Voltaire", "%1 rue du Faubourg Saint-Antoine", "%1 place de la Mairie", "%1 rue Pasteur",
    "%1 rue de la Paix", "%1 allée des Tilleuls", "%1 chemin des Vignes", "%1 rue Nationale",
    "%1 impasse des Lilas", "%1 rue Gambetta", "%1 quai de la Loire", "%1 rue du Moulin",
    "%1 avenue de la Gare", "%1 rue des Écoles", "%1 rue Saint-Michel", "%1 cours Mirabeau",
    "%1 rue Sainte-Catherine", "%1 rue de Lille", "%1 avenue Foch", "%1 rue d'Alsace",
};

constexpr std::array<V::Place, 26> kPlaces{{
    {"Paris", "75011", "", "FR", 180}, {"Paris", "75018", "", "FR", 120}, {"Lyon", "69003", "", "FR", 80},
    {"Marseille", "13006", "", "FR", 60}, {"Bordeaux", "33000", "", "FR", 50}, {"Lille", "59000", "", "FR", 45},
    {"Nantes", "44000", "", "FR", 45}, {"Toulouse", "31000", "", "FR", 50}, {"Strasbourg", "67000", "", "FR", 35},
    {"Nice", "06000", "", "FR", 30}, {"Rennes", "35000", "", "FR", 30}, {"Montpellier", "34000", "", "FR", 30},
    {"Annecy", "74000", "", "FR", 15}, {"Dijon", "21000", "", "FR", 15}, {"Saint-Denis", "93200", "", "FR", 20},
    {"Bruxelles", "1000", "", "BE", 30}, {"Berlin", "10115", "", "DE", 20}, {"Madrid", "28001", "", "ES", 15},
    {"Milano", "20121", "MI", "IT", 15}, {"Amsterdam", "1011 AB", "", "NL", 12}, {"Luxembourg", "1111", "", "LU", 8},
    {"Genève", "1201", "GE", "CH", 15}, {"London", "SW1A 1AA", "", "GB", 15}, {"New York", "10001", "NY", "US", 12},
    {"Montréal", "H2X 1Y4", "QC", "CA", 8}, {"Lagos", "100001", "LA", "NG", 5},
}};

constexpr std::array<V::Country, 13> kCountries{{
    {"FR", 20, "+33"}, {"BE", 21, "+32"}, {"DE", 19, "+49"}, {"ES", 21, "+34"}, {"IT", 22, "+39"},
    {"NL", 21, "+31"}, {"LU", 17, "+352"}, {"CH", 0, "+41"}, {"GB", 0, "+44"}, {"US", 0, "+1"},
    {"CA", 0, "+1"}, {"NG", 0, "+234"}, {"PT", 23, "+351"},
}};

// Reserved example domains (RFC 2606), so a demo shop can never email a real person.
constexpr std::array<const char *, 6> kEmailDomains{
    "example.com", "example.net", "example.org", "mail.example.com", "post.example.net", "inbox.example.org"};

constexpr std::array<V::Carrier, 6> kCarriers{{
    {"Colissimo", "6A99999999999", 40}, {"Chronopost", "AA999999999FR", 15}, {"Mondial Relay", "99999999", 20},
    {"DHL Express", "9999999999", 8}, {"UPS", "1Z999AA99999999999", 7}, {"DPD", "99999999999999", 10},
}};

constexpr std::array<const char *, 10> kOrderNotes{
    "Please gift wrap, it is a birthday present.", "Leave the parcel with the concierge if I am out.",
    "Code d'entrée 4B72, 3e étage.", "Could you remove the price tags?", "Delivery after 6 pm please.",
    "Same size as my last order.", "No rush, I am travelling until next week.",
    "Please add a note: Joyeux anniversaire !", "Ring twice, the bell is weak.", "Paper bag instead of plastic please.",
};

constexpr std::array<const char *, 10> kStaffNotes{
    "Customer called to confirm the delivery address.", "Gift wrapped as requested.",
    "Swapped to the next size up at the customer's request.", "Parcel delayed at the carrier; customer informed.",
    "Left at the relay point, customer notified.", "Replacement sent for an item damaged in transit.",
    "VIP customer: added a handwritten card.", "Checked stock in the Paris store before shipping.",
    "Customer asked for an invoice with their company name.", "Address corrected after the carrier returned the parcel.",
};

constexpr std::array<const char *, 6> kStaffNames{
    "Sophie (support)", "Malik (warehouse)", "Claire (store)", "Yann (support)", "Aminata (ops)", "Lucie (store)"};

constexpr std::array<const char *, 6> kRefundReasons{
    "Size too small", "Changed their mind", "Damaged in transit", "Wrong item sent", "Arrived too late",
    "Colour differs from the photos"};

constexpr std::array<const char *, 6> kCustomerNotes{
    "Prefers pickup in the Paris store.", "Wholesale enquiry in progress.", "Allergic to lavender: no samples.",
    "Ask before substituting a colour.", "Repeat gift buyer, December.", "Speaks English and French."};

} // namespace

std::span<const DemoVocabulary::Category> DemoVocabulary::categories() { return kCategories; }

std::span<const DemoVocabulary::OptionValue> DemoVocabulary::optionValues(Options options, int slot)
{
    switch (options) {
    case Options::None: return {};
    case Options::ApparelSize: return slot == 0 ? std::span<const OptionValue>(kColors) : kApparelSizes;
    case Options::WaistSize: return slot == 0 ? std::span<const OptionValue>(kColors) : kWaistSizes;
    case Options::ShoeSize: return slot == 0 ? std::span<const OptionValue>(kColors) : kShoeSizes;
    case Options::Color: return slot == 0 ? std::span<const OptionValue>(kColors) : std::span<const OptionValue>();
    case Options::MaterialColor: return slot == 0 ? std::span<const OptionValue>(kMaterials) : kColors;
    case Options::Scent: return slot == 0 ? std::span<const OptionValue>(kScents) : std::span<const OptionValue>();
    case Options::HomeSize: return slot == 0 ? std::span<const OptionValue>(kHomeSizes) : std::span<const OptionValue>();
    case Options::HomeSizeColor: return slot == 0 ? std::span<const OptionValue>(kColors) : kHomeSizes;
    case Options::Volume: return slot == 0 ? std::span<const OptionValue>(kVolumes) : std::span<const OptionValue>();
    case Options::GiftAmount:
        return slot == 0 ? std::span<const OptionValue>(kGiftAmounts) : std::span<const OptionValue>();
    }
    return {};
}

std::span<const char *const> DemoVocabulary::modelNames() { return kModelNames; }
std::span<const char *const> DemoVocabulary::extraTags() { return kExtraTags; }
std::span<const char *const> DemoVocabulary::careSentences() { return kCareInstructions; }
std::span<const char *const> DemoVocabulary::firstNames() { return kFirstNames; }
std::span<const char *const> DemoVocabulary::lastNames() { return kLastNames; }
std::span<const char *const> DemoVocabulary::streets() { return kStreets; }
std::span<const DemoVocabulary::Place> DemoVocabulary::places() { return kPlaces; }
std::span<const DemoVocabulary::Country> DemoVocabulary::countries() { return kCountries; }
std::span<const char *const> DemoVocabulary::emailDomains() { return kEmailDomains; }
std::span<const DemoVocabulary::Carrier> DemoVocabulary::carriers() { return kCarriers; }
std::span<const char *const> DemoVocabulary::orderNotes() { return kOrderNotes; }
std::span<const char *const> DemoVocabulary::staffNotes() { return kStaffNotes; }
std::span<const char *const> DemoVocabulary::staffNames() { return kStaffNames; }
std::span<const char *const> DemoVocabulary::refundReasons() { return kRefundReasons; }
std::span<const char *const> DemoVocabulary::customerNotes() { return kCustomerNotes; }

} // namespace sk
