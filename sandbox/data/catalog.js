'use strict';

/*
 * Hand-written fixture vocabulary. Product ids follow the Shopify style (13-digit numeric strings,
 * as in the V6 create_review example "9200305176832").
 */

const SHOP_FIXTURES = [
  {
    key: 'main',
    id: '60123456789',
    name: 'Aurora Outfitters',
    myshopifyDomain: 'aurora-outfitters.myshopify.com',
    products: [
      { id: '9200305176832', handle: 'aurora-down-parka', title: 'Aurora Down Parka', variants: ['Black / M', 'Navy / L', 'Olive / S', 'Black / XL'] },
      { id: '9200305209600', handle: 'trailhead-merino-beanie', title: 'Trailhead Merino Beanie', variants: ['Charcoal', 'Rust', 'Forest'] },
      { id: '9200305242368', handle: 'summit-hiking-boots', title: 'Summit Hiking Boots', variants: ['EU 39', 'EU 42', 'EU 44', 'US 9'] },
      { id: '9200305275136', handle: 'glacier-insulated-bottle-750ml', title: 'Glacier Insulated Bottle 750 ml', variants: ['Arctic White', 'Midnight'] },
      { id: '9200305307904', handle: 'fjord-rain-shell', title: 'Fjord Rain Shell', variants: ['Red / M', 'Yellow / S', 'Slate / L'] },
      { id: '9200305340672', handle: 'basecamp-enamel-mug', title: 'Basecamp Enamel Mug', variants: ['Speckled Blue', 'Cream'] },
      { id: '9200305373440', handle: 'nordlys-wool-socks-3-pack', title: 'Nordlys Wool Socks (3-pack)', variants: ['S/M', 'L/XL'] },
      { id: '9200305406208', handle: 'sakura-trail-backpack-28l', title: 'Sakura Trail Backpack 28 L — 桜', variants: ['Pink', 'Graphite'] },
    ],
  },
  {
    key: 'second',
    id: '60987654321',
    name: 'Tiny Teapots',
    myshopifyDomain: 'tiny-teapots.myshopify.com',
    products: [
      { id: '8100112233445', handle: 'hand-thrown-kyusu', title: 'Hand-thrown Kyūsu Teapot 急須', variants: ['Tokoname Red', 'Ash Glaze'] },
      { id: '8100112266213', handle: 'matcha-whisk-set', title: 'Matcha Whisk Set 抹茶', variants: ['80 prongs', '100 prongs'] },
    ],
  },
];

/** name, country; unicode on purpose (accents, CJK, Cyrillic, emoji-free names). */
const AUTHORS = [
  ['Emily Carter', 'US'], ['James O\'Neill', 'IE'], ['José García', 'ES'], ['Zoë Müller', 'DE'],
  ['Søren Kierkegaard', 'DK'], ['王芳', 'CN'], ['田中 さくら', 'JP'], ['김민지', 'KR'], ['Ольга Смирнова', 'UA'],
  ['Amélie Dubois', 'FR'], ['Lukas Novák', 'CZ'], ['Priya Sharma', 'IN'], ['Chloé Martin', 'CA'],
  ['Liam Smith', 'GB'], ['Olivia Brown', 'AU'], ['Mateus Silva', 'BR'], ['Sofía López', 'MX'],
  ['Noah Wilson', 'US'], ['Ava Johnson', 'US'], ['Mia Rossi', 'IT'], ['Jan de Vries', 'NL'],
  ['Björk Guðmundsdóttir', 'IS'], ['Aleksander Nowak', 'PL'], ['Fatima Al-Sayed', 'AE'], ['Ethan Lee', 'SG'],
  ['Hannah Schmidt', 'AT'], ['Lucas Pereira', 'PT'], ['Isabella Moreau', 'BE'], ['Oscar Lindqvist', 'SE'],
  ['Mike', 'US'], ['A. Nguyen', 'VN'], ['Grace Kim', 'US'], ['Tomás Ó Briain', 'IE'], ['Léa Bernard', 'FR'],
  ['陈伟', 'TW'], ['佐藤 健', 'JP'], ['Ingrid Hansen', 'NO'], ['Daniel Cohen', 'IL'], ['Chidi Okafor', 'NG'],
  ['Sarah Thompson', 'NZ'],
];

const TITLES = {
  5: ['Absolutely love it!', 'Best purchase this year', 'Worth every penny 💯', 'Perfect ✨', 'Exceeded my expectations',
    'Sehr gut verarbeitet', 'Parfait !', 'Excelente calidad', '最高です！', '非常满意 👍', 'Five stars from me ⭐⭐⭐⭐⭐', ''],
  4: ['Really good', 'Great, with one small gripe', 'Very happy overall', 'Solid choice 👍', 'Gute Qualität', 'Très bien', 'とても良い', ''],
  3: ['It\'s okay', 'Decent but not amazing', 'Mixed feelings 🤔', 'Average', 'Geht so', ''],
  2: ['Disappointed', 'Not as described', 'Expected more 😕', 'Runs small', ''],
  1: ['Terrible experience', 'Broke after a week 😡', 'Do not buy', 'Never arrived', '最悪'],
};

const CONTENT = {
  5: [
    'Arrived quickly and the quality is outstanding. I have already recommended it to friends.',
    'Wore it on a three-day hike in the rain and stayed completely dry. 🌧️➡️☀️',
    'The fit is true to size and the stitching is flawless.',
    'Ich bin total begeistert – die Verarbeitung ist top und der Versand war blitzschnell.',
    'Produit magnifique, conforme à la description. Je recommande vivement !',
    'Llegó antes de lo previsto y la calidad es excelente. ¡Repetiré!',
    '品質がとても良く、デザインも可愛いです。また購入したいと思います。',
    '质量非常好，物流也很快，五星好评！🎉',
    'My partner stole it the day it arrived, so I had to order a second one 😂',
    'Customer service answered within an hour when I asked about sizing. Fantastic shop ❤️',
  ],
  4: [
    'Very good quality, only wish it came in more colours.',
    'Great product. Delivery took a few days longer than promised.',
    'Comfortable and warm; the zipper is a bit stiff at first.',
    'Gutes Produkt, Preis-Leistung stimmt.',
    'Bon produit, un peu cher mais de qualité.',
    '全体的に満足です。少しサイズが大きめでした。',
  ],
  3: [
    'It does the job, nothing special.',
    'Colour is slightly different from the photos.',
    'Okay for the price, but I expected better materials.',
    'Die Lieferung dauerte zu lange, das Produkt ist okay.',
    '普通です。',
  ],
  2: [
    'The seams started coming apart after two weeks.',
    'Much smaller than the size chart suggested; returning it.',
    'Packaging was damaged and one item was missing.',
    'Nicht wie beschrieben. 😞',
  ],
  1: [
    'Stopped working after a week and support never replied.',
    'The order never arrived and tracking has not updated in a month.',
    'Cheap material, smells of chemicals. Returned immediately.',
    '質が悪すぎる。二度と買いません。',
  ],
};

/** Store (not product) reviews, by sentiment. */
const STORE_CONTENT = {
  good: [
    'Great shop, fast shipping and friendly support! 📦',
    'Second order from this store and both were perfect.',
    'Easy checkout, package arrived in 3 days. Danke!',
    'Service client au top, merci !',
    'ショップの対応がとても丁寧でした。',
  ],
  mixed: ['Slow shipping to Canada but everything arrived in good shape.', 'Had to contact support twice about a wrong item; sorted in the end.'],
  bad: ['Parcel lost twice and nobody answered my emails.', 'Charged twice for one order; still waiting for the refund. 😤'],
};

const REPLIES = [
  'Thank you so much for your kind words! 🙏',
  'We are thrilled you love it — enjoy your adventures!',
  'Thanks for the feedback. We have passed it on to our product team.',
  'We are sorry to hear this. Our support team has emailed you to make it right.',
  'Vielen Dank für Ihre Bewertung!',
  'ご購入いただきありがとうございます！',
];

/** Old V2/V3 enum plus ChatWILL from the V6 example. */
const REVIEW_SOURCES = ['CSV uploaded', 'AliExpress', 'Amazon', 'Store front', 'Store link', 'Email request', 'Auto', 'Shop', 'QR Code', 'Shopee', 'ChatWILL'];

const EVENT_TYPES = ['VIEW_REVIEW', 'EXPAND_CONTENT', 'SUBMIT_REVIEW', 'CLICK_REVIEW', 'PAGINATION', 'FILTER_REVIEW', 'SORT_REVIEW', 'CLICK_MEDIA', 'CLOSE_VIDEO_POPUP'];
// inferred: the docs list IOS, ANDROID, WINDOWS "etc."; MACOS / LINUX are plausible extras.
const OS_TYPES = ['IOS', 'ANDROID', 'WINDOWS', 'MACOS', 'LINUX'];
const EVENT_SOURCES = ['STOREFRONT', 'EMAIL', 'ADMIN'];

const EMAIL_TYPES = ['all', 'review_request', 'review_request_test', 'discount_for_photo_review', 'left_review', 'market_email',
  'question_notification', 'answer_notification', 'review_request_quota_exhausted', 'review_display_quota_exhausted',
  'reply_to_review', 'post_purchase_referral', 'advocate_reward_paid', 'advocate_reward_refund', 'review_media_remind',
  'auto_leave_review', 'request_update_review'];

module.exports = {
  SHOP_FIXTURES, AUTHORS, TITLES, CONTENT, STORE_CONTENT, REPLIES, REVIEW_SOURCES,
  EVENT_TYPES, OS_TYPES, EVENT_SOURCES, EMAIL_TYPES,
};
