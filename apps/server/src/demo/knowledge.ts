import { createArticle, createCategory, createTranslation, listArticles, listCategories, setArticleStatus } from "../modules/knowledge/service.ts";
import type { ServiceContext } from "../platform/context.ts";

interface DemoTranslation {
  locale: "es" | "de" | "fr";
  title: string;
  body: string;
}

interface DemoArticle {
  slug: string;
  category: string;
  title: string;
  tags: string[];
  body: string;
  /** Agents' procedures: never shown to customers or used by the answer bot. */
  internal?: boolean;
  translations?: DemoTranslation[];
}

const CATEGORIES: { slug: string; name: string }[] = [
  { slug: "orders", name: "Orders" },
  { slug: "shipping", name: "Shipping & delivery" },
  { slug: "returns", name: "Returns, refunds & warranty" },
  { slug: "payments", name: "Payments, gift cards & discounts" },
  { slug: "products", name: "Sizing & product care" },
  { slug: "account", name: "Your account & privacy" },
  { slug: "stores", name: "Stores & services" },
];

/** Demo Outfitters' help center: what a newcomer's bot and help center answer from. */
export const DEMO_ARTICLES: DemoArticle[] = [
  // ---- Orders ----------------------------------------------------------------------------------------------
  {
    slug: "change-delivery-address",
    category: "orders",
    title: "Change the delivery address after ordering",
    tags: ["address", "order changes"],
    body: `You can change where an order goes until it is packed, usually within 1 hour of ordering.

## Before it ships

Open **My account → Orders**, choose the order and select **Edit address**. If the button is greyed out, the order is already being packed; send us a message with your order number and the new address and we'll try to catch it.

## After it ships

Once a parcel has left our warehouse we can't change the address ourselves. Use the link in your tracking email to redirect the parcel with the courier (DHL and PostNord both allow this for free), or choose a pickup point near you.

## Wrong address entered

If the parcel comes back to us because the address was incomplete, we refund the order in full, minus the original shipping cost.`,
  },
  {
    slug: "cancel-an-order",
    category: "orders",
    title: "Cancel an order",
    tags: ["cancel", "order changes"],
    body: `You can cancel an order yourself while its status is **Received**.

## How to cancel

Go to **My account → Orders**, open the order and select **Cancel order**. Guest orders can be cancelled from the link in the order confirmation email. The money is released to your card straight away; some banks take 3–5 working days to show it.

## When the order is already packed or shipped

Once the status says **Packed** or **Shipped**, the order can no longer be cancelled. Let it arrive and send it back for free within 30 days (see *Return an item*), or refuse the delivery and we refund you when the parcel reaches us.

## Part of an order

To cancel one item of a larger order, contact us before it ships with the order number and the item.`,
    translations: [
      {
        locale: "es",
        title: "Cancelar un pedido",
        body: `Puedes cancelar un pedido tú mismo mientras su estado sea **Recibido**.

## Cómo cancelar

Entra en **Mi cuenta → Pedidos**, abre el pedido y pulsa **Cancelar pedido**. Los pedidos como invitado se cancelan desde el enlace del correo de confirmación. El dinero se libera en tu tarjeta al momento; algunos bancos tardan de 3 a 5 días laborables en mostrarlo.

## Si el pedido ya está preparado o enviado

Cuando el estado es **Preparado** o **Enviado** ya no se puede cancelar. Espera a que llegue y devuélvelo gratis en 30 días, o rechaza la entrega y te reembolsamos cuando el paquete vuelva a nosotros.`,
      },
    ],
  },
  {
    slug: "order-confirmation-email",
    category: "orders",
    title: "I didn't get an order confirmation email",
    tags: ["confirmation", "email"],
    body: `We send the confirmation email within 10 minutes of a successful payment, from orders@demo-outfitters.example.

## Check these first

- Look in your spam, junk or "Promotions" folder.
- Check the email address on the order in **My account → Orders**.
- If you paid by bank transfer, the confirmation comes once the payment reaches us (1–2 working days).

## Still nothing?

If you can see the order in your account, it went through and you don't need to order again. If you can't see it and your card was charged, the payment may be on hold: it is released automatically within 7 days. Send us the last 4 digits of the card and the amount and we'll check.`,
  },
  {
    slug: "backorders-and-pre-orders",
    category: "orders",
    title: "Backorders and pre-orders",
    tags: ["backorder", "pre-order", "stock"],
    body: `Some products can be ordered before they are back in stock. The product page then shows **Backorder** or **Pre-order** with an expected date.

## When will it ship?

We ship backordered items as soon as they arrive in our warehouse, usually within the date shown. If the date moves, we email you with the new one. Items in the same order that are in stock ship right away, at no extra shipping cost.

## Payment

We take payment when you order, as for any other item. You can cancel a backordered item at any time before it ships and get a full refund.

## Back-in-stock alerts

For products that can't be backordered, select **Notify me** on the product page and we'll email you once when it's back.`,
  },
  {
    slug: "invoices-and-vat",
    category: "orders",
    title: "Invoices and VAT receipts",
    tags: ["invoice", "vat", "receipt"],
    body: `Every order comes with a VAT invoice as a PDF.

## Download an invoice

Open **My account → Orders**, choose the order and select **Download invoice**. The invoice is available once the order has shipped. Guest shoppers find the link in their shipping confirmation email.

## Company details and VAT numbers

To put a company name or an EU VAT number on the invoice, enter it at checkout under **Add company details**. Orders from businesses with a valid VAT number in another EU country are invoiced without VAT (reverse charge). We can reissue an invoice with changed details within 30 days of the order.

## Prices

All prices on the site include VAT for EU deliveries.`,
  },
  {
    slug: "business-and-bulk-orders",
    category: "orders",
    title: "Business, club and bulk orders",
    tags: ["business", "bulk", "wholesale", "teams"],
    body: `We supply scout groups, schools, guiding companies and clubs.

## Volume discounts

Orders of 10 or more units of the same product get 10% off; 25 or more get 15%. Ask for a quote at business@demo-outfitters.example with the products, sizes and quantities.

## Paying by invoice

Registered companies and schools can pay by invoice with 30 days' terms after a quick credit check. Your first order may need prepayment.

## Custom embroidery

We add logos to jackets and fleeces from 20 units, with a set-up fee of €45. Allow 3 weeks.`,
  },
  {
    slug: "gift-wrapping",
    category: "orders",
    title: "Gift wrapping and gift messages",
    tags: ["gift", "wrapping"],
    body: `Tick **Gift wrap** at checkout for €3.50 per order. We wrap everything in recycled paper and add your message on a card.

## Prices in the parcel

Gift orders never include prices: the invoice is emailed to you instead of going in the box.

## Sending to someone else

Enter the recipient's address as the delivery address. They can return or exchange the gift themselves with the gift receipt (see *Return a gift*).`,
  },
  // ---- Shipping --------------------------------------------------------------------------------------------
  {
    slug: "shipping-times-and-costs",
    category: "shipping",
    title: "Shipping times and costs",
    tags: ["shipping", "delivery", "express"],
    body: `We ship from our warehouse in Rotterdam every working day. Orders placed before 2 pm (CET) leave the same day.

## Standard delivery

- Netherlands, Belgium, Germany: 1–3 working days, €4.95
- Rest of the EU: 3–5 working days, €6.95
- Free standard delivery on orders over €60

## Express delivery

Next working day to the Netherlands, Belgium, Germany and Sweden for €12.95 when you order before 2 pm. Express isn't available for pickup points or islands.

## Bulky items

Tents over 5 kg and kayak accessories ship by freight: add 1–2 days, no extra charge.`,
    translations: [
      {
        locale: "es",
        title: "Plazos y gastos de envío",
        body: `Enviamos desde nuestro almacén de Róterdam todos los días laborables. Los pedidos hechos antes de las 14:00 (CET) salen el mismo día.

## Envío estándar

- Países Bajos, Bélgica, Alemania: 1–3 días laborables, 4,95 €
- Resto de la UE, incluida la España peninsular: 3–5 días laborables, 6,95 €
- Envío estándar gratis en pedidos de más de 60 €

## Envío exprés

Al día laborable siguiente a Países Bajos, Bélgica, Alemania y Suecia por 12,95 € si pides antes de las 14:00. El exprés no está disponible para puntos de recogida ni islas.`,
      },
      {
        locale: "de",
        title: "Lieferzeiten und Versandkosten",
        body: `Wir versenden an jedem Werktag aus unserem Lager in Rotterdam. Bestellungen bis 14 Uhr (MEZ) gehen am selben Tag raus.

## Standardversand

- Niederlande, Belgien, Deutschland: 1–3 Werktage, 4,95 €
- Übrige EU: 3–5 Werktage, 6,95 €
- Kostenloser Standardversand ab 60 € Bestellwert

## Expressversand

Am nächsten Werktag nach Deutschland, in die Niederlande, nach Belgien und Schweden für 12,95 €, wenn Sie bis 14 Uhr bestellen.`,
      },
      {
        locale: "fr",
        title: "Délais et frais de livraison",
        body: `Nous expédions depuis notre entrepôt de Rotterdam chaque jour ouvré. Les commandes passées avant 14 h (CET) partent le jour même.

## Livraison standard

- Pays-Bas, Belgique, Allemagne : 1 à 3 jours ouvrés, 4,95 €
- Reste de l'UE, dont la France : 3 à 5 jours ouvrés, 6,95 €
- Livraison standard gratuite dès 60 € d'achat

## Livraison express

Le jour ouvré suivant vers les Pays-Bas, la Belgique, l'Allemagne et la Suède pour 12,95 € si vous commandez avant 14 h.`,
      },
    ],
  },
  {
    slug: "international-shipping",
    category: "shipping",
    title: "Shipping outside the EU",
    tags: ["international", "customs", "duties", "uk", "norway", "switzerland"],
    body: `We ship to the United Kingdom, Norway, Switzerland, Iceland, the USA and Canada.

## Times and costs

- UK, Norway, Switzerland: 4–7 working days, €14.95
- USA and Canada: 6–10 working days, €24.95
- Free over €150

## Customs duties and import VAT

For the UK, Norway and Switzerland we charge local VAT at checkout and pay the duties for you, so there's nothing to pay on delivery. For the USA and Canada, duties and taxes are collected by the courier on delivery.

## Countries we don't ship to

We can't ship to Australia, Asia or South America yet, and we can't send gas canisters outside the EU.`,
    translations: [
      {
        locale: "es",
        title: "Envíos fuera de la UE",
        body: `Enviamos a Reino Unido, Noruega, Suiza, Islandia, Estados Unidos y Canadá.

## Plazos y precios

- Reino Unido, Noruega, Suiza: 4–7 días laborables, 14,95 €
- Estados Unidos y Canadá: 6–10 días laborables, 24,95 €
- Gratis a partir de 150 €

## Aduanas e impuestos

Para Reino Unido, Noruega y Suiza cobramos el IVA local al pagar y pagamos nosotros los aranceles. En Estados Unidos y Canadá el transportista cobra los aranceles en la entrega.

## Países a los que no enviamos

Todavía no enviamos a Australia, Asia ni Sudamérica (incluido México), ni enviamos cartuchos de gas fuera de la UE.`,
      },
    ],
  },
  {
    slug: "shipping-to-islands",
    category: "shipping",
    title: "Shipping to the Canary Islands, Ceuta, Melilla and other islands",
    tags: ["islands", "canary islands", "customs"],
    body: `We deliver to the Canary Islands, the Balearic Islands, Ceuta, Melilla, Madeira, the Azores and Corsica.

## Times and costs

- Balearic Islands, Corsica: 4–6 working days, €9.95
- Canary Islands, Ceuta, Melilla, Madeira, Azores: 7–10 working days, €19.95

## Customs for the Canary Islands, Ceuta and Melilla

These are outside the EU VAT area. We remove Spanish VAT at checkout, and the local tax (IGIC or IPSI) plus a customs handling fee of about €10 is paid to the courier on delivery. Gas canisters can't be sent to any island.`,
    translations: [
      {
        locale: "es",
        title: "Envíos a Canarias, Baleares, Ceuta y Melilla",
        body: `Enviamos a Canarias, Baleares, Ceuta, Melilla, Madeira, Azores y Córcega.

## Plazos y precios

- Baleares y Córcega: 4–6 días laborables, 9,95 €
- Canarias, Ceuta, Melilla, Madeira y Azores: 7–10 días laborables, 19,95 €

## Aduanas en Canarias, Ceuta y Melilla

Están fuera del territorio IVA de la UE. Descontamos el IVA al pagar; el impuesto local (IGIC o IPSI) y una tasa de gestión aduanera de unos 10 € se pagan al transportista en la entrega. No enviamos cartuchos de gas a ninguna isla.`,
      },
    ],
  },
  {
    slug: "tracking-your-order",
    category: "shipping",
    title: "Track your order",
    tags: ["tracking", "where is my order"],
    body: `As soon as your parcel leaves our warehouse we email you a tracking link.

## Where to find tracking

The link is in the shipping confirmation email and in **My account → Orders**. Tracking can take up to 24 hours to show the first scan.

## Tracking hasn't moved

Parcels often go 2–3 days without a scan while they cross borders. If tracking hasn't changed for 5 working days, contact us with your order number and we'll open an investigation with the courier.

## Order status meanings

- **Received**: we have your order and payment.
- **Packed**: it's being prepared; it can't be changed any more.
- **Shipped**: it's with the courier.`,
    translations: [
      {
        locale: "es",
        title: "Seguimiento de tu pedido",
        body: `En cuanto tu paquete sale del almacén te enviamos un enlace de seguimiento por correo.

## Dónde encontrar el seguimiento

El enlace está en el correo de confirmación de envío y en **Mi cuenta → Pedidos**. El primer escaneo puede tardar hasta 24 horas en aparecer.

## El seguimiento no se mueve

Es normal que un paquete pase 2–3 días sin escaneos al cruzar fronteras. Si el seguimiento no cambia en 5 días laborables, escríbenos con tu número de pedido y abriremos una investigación con el transportista.`,
      },
    ],
  },
  {
    slug: "parcel-marked-delivered",
    category: "shipping",
    title: "Tracking says delivered but the parcel isn't here",
    tags: ["missing parcel", "delivered", "lost"],
    body: `Sometimes a parcel is marked delivered a little before it actually arrives, or it's left in a safe place.

## Check first

- Look around the property, in the mailbox and with neighbours.
- Check the tracking page for a photo or a pickup point name.
- Wait until the end of the next working day: couriers sometimes scan early.

## Still missing

Contact us within 14 days of the delivery date with your order number. We open a trace with the courier, which takes up to 5 working days. If the parcel isn't found, we send a replacement or refund you in full.`,
  },
  // ---- Returns, refunds & warranty -------------------------------------------------------------------------
  {
    slug: "return-an-item",
    category: "returns",
    title: "Return an item",
    tags: ["returns", "return label"],
    body: `You can return unused items within 30 days of delivery, for free from the EU.

## How to return

1. Go to **My account → Orders** and select **Return items**, or use our returns page with your order number and email if you ordered as a guest.
2. Choose the items and a reason, then print the free return label (or show the QR code at a DHL or PostNord point).
3. Pack the items in their original packaging with tags attached.

## What can't be returned

Used gas canisters, cut rope sold by the metre, and personalised or embroidered items. Worn boots can't be returned, but faulty ones are covered by the warranty.

## Returns from outside the EU

Returns from the UK, Norway, Switzerland and North America are welcome but not free: use a tracked service and keep the receipt.`,
    translations: [
      {
        locale: "es",
        title: "Devolver un artículo",
        body: `Puedes devolver artículos sin usar en los 30 días siguientes a la entrega, gratis desde la UE.

## Cómo devolver

1. Entra en **Mi cuenta → Pedidos** y pulsa **Devolver artículos**, o usa nuestra página de devoluciones con tu número de pedido y correo si compraste como invitado.
2. Elige los artículos y el motivo, e imprime la etiqueta de devolución gratuita (o enseña el código QR en un punto DHL).
3. Embala los artículos en su embalaje original con las etiquetas puestas.

## Qué no se puede devolver

Cartuchos de gas usados, cuerda cortada a medida y artículos personalizados o bordados. Las botas usadas no se pueden devolver, pero si tienen un defecto las cubre la garantía.`,
      },
      {
        locale: "de",
        title: "Artikel zurücksenden",
        body: `Unbenutzte Artikel können Sie innerhalb von 30 Tagen nach Lieferung zurücksenden, innerhalb der EU kostenlos.

## So geht die Rücksendung

1. Öffnen Sie **Mein Konto → Bestellungen** und wählen Sie **Artikel zurücksenden**.
2. Wählen Sie die Artikel und einen Grund und drucken Sie das kostenlose Rücksendeetikett aus (oder zeigen Sie den QR-Code in einer DHL-Filiale).
3. Verpacken Sie die Artikel in der Originalverpackung mit Etiketten.

## Ausgeschlossen

Gebrauchte Gaskartuschen, Meterware und personalisierte Artikel.`,
      },
      {
        locale: "fr",
        title: "Retourner un article",
        body: `Vous pouvez retourner les articles non utilisés dans les 30 jours suivant la livraison, gratuitement depuis l'UE.

## Comment retourner

1. Allez dans **Mon compte → Commandes** et choisissez **Retourner des articles**.
2. Choisissez les articles et un motif, puis imprimez l'étiquette de retour gratuite (ou présentez le QR code en point relais).
3. Emballez les articles dans leur emballage d'origine, étiquettes attachées.

## Exclusions

Cartouches de gaz utilisées, corde coupée au mètre et articles personnalisés.`,
      },
    ],
  },
  {
    slug: "refund-timing",
    category: "returns",
    title: "When will I get my refund?",
    tags: ["refund", "money back"],
    body: `We refund within 5 working days of your return reaching our warehouse, and email you when we do.

## How long until I see the money

- Cards and Apple Pay / Google Pay: 3–5 working days after our email, depending on your bank.
- PayPal: within 24 hours.
- Klarna: Klarna updates your invoice or instalments straight away.
- Gift cards: the balance is restored immediately.

## What is refunded

The price of the returned items, plus the original shipping cost if you return the whole order. Express shipping is not refunded unless the item was faulty.

## Refund still not there?

Check the refund email for the date we refunded. If more than 10 working days have passed since then, contact us and we'll send the bank's reference number.`,
    translations: [
      {
        locale: "es",
        title: "¿Cuándo recibiré mi reembolso?",
        body: `Reembolsamos en los 5 días laborables siguientes a la llegada de tu devolución a nuestro almacén, y te avisamos por correo.

## Cuánto tarda en verse el dinero

- Tarjeta y Apple Pay / Google Pay: 3–5 días laborables después de nuestro correo, según tu banco.
- PayPal: en 24 horas.
- Klarna: actualiza tu factura o tus plazos al momento.
- Tarjetas regalo: el saldo se recupera al instante.

## Qué se reembolsa

El precio de los artículos devueltos y los gastos de envío originales si devuelves el pedido completo. El envío exprés no se reembolsa salvo que el artículo fuera defectuoso.`,
      },
    ],
  },
  {
    slug: "exchanges",
    category: "returns",
    title: "Exchange for another size or colour",
    tags: ["exchange", "size", "colour"],
    body: `Exchanges are free within 30 days of delivery, as long as the item is unused.

## How to exchange

Start a return in **My account → Orders**, choose **Exchange** as the reason and pick the new size or colour. We reserve the new item for you straight away and ship it as soon as the courier scans your return, so you don't have to wait for it to reach us.

## A different product

To swap for a different product, return the first one for a refund and place a new order; that's quicker than an exchange.

## Price differences

If the new size or colour costs more, we ask for the difference by email link; if it costs less, we refund the difference.`,
    translations: [
      {
        locale: "es",
        title: "Cambiar por otra talla o color",
        body: `Los cambios son gratis durante 30 días desde la entrega, siempre que el artículo no se haya usado.

## Cómo hacer un cambio

Inicia una devolución en **Mi cuenta → Pedidos**, elige **Cambio** como motivo y selecciona la nueva talla o color. Reservamos el artículo nuevo al momento y lo enviamos en cuanto el transportista escanea tu devolución.

## Otro producto

Para cambiar por un producto distinto, devuelve el primero para obtener el reembolso y haz un pedido nuevo.`,
      },
    ],
  },
  {
    slug: "damaged-on-arrival",
    category: "returns",
    title: "My order arrived damaged or faulty",
    tags: ["damaged", "broken", "faulty"],
    body: `We're sorry! Anything that arrives damaged or faulty is replaced or refunded, including the shipping.

## What to do

Contact us within 14 days of delivery with your order number and a photo of the damage (and of the box, if it was crushed). You don't need to send the item back before we act.

## What happens next

We send a replacement by express delivery at no cost, or refund you in full if you prefer. For a broken tent pole or buckle we can often send just the part, which is faster.

## Faults found later

Faults that appear after the first 14 days are handled under our 2-year warranty.`,
  },
  {
    slug: "missing-items",
    category: "returns",
    title: "An item is missing from my order",
    tags: ["missing item", "incomplete order"],
    body: `Large orders sometimes ship in more than one parcel. Your shipping confirmation email lists which items are in which parcel, each with its own tracking link.

## If an item is really missing

Contact us within 14 days of delivery with your order number and the missing item. We check the packing weight recorded at our warehouse and send the item by express delivery, or refund it.

## Accessories inside the box

Tent pegs, stuff sacks and stove windshields are usually packed inside the main product's box. Check the inner pockets before telling us.`,
  },
  {
    slug: "return-a-gift",
    category: "returns",
    title: "Return or exchange a gift",
    tags: ["gift", "returns"],
    body: `Gifts can be returned or exchanged within 60 days of delivery, without the buyer knowing.

## How

Use the gift receipt code on the card in the parcel on our returns page. We refund the value as a Demo Outfitters gift card in your name, or exchange the item for another size or colour.

## No gift receipt?

Ask the person who bought it for the order number, or contact us with the name on the delivery address and we'll find it.`,
  },
  {
    slug: "warranty",
    category: "returns",
    title: "Warranty: 2 years on everything, lifetime on Demo Outfitters gear",
    tags: ["warranty", "guarantee", "defect", "zip"],
    body: `Every product has a 2-year warranty against manufacturing faults. Our own-brand products (Summit tents, Ridge boots, Storm jackets, Nightfall sleeping bags, Alpine stoves) have a lifetime warranty on materials and workmanship.

## What it covers

Broken zips, failing seams, delaminating membranes, soles coming unstuck and other faults in how the product was made. It doesn't cover normal wear, accidents, or damage from misuse (for example drying a down jacket on a radiator).

## How to claim

Send us your order number (or a receipt from a store), a description of the fault and photos. We reply within 3 working days. Most claims are fixed by a free repair; if repair isn't possible, we replace the product or give you a refund or store credit.`,
    translations: [
      {
        locale: "de",
        title: "Garantie: 2 Jahre auf alles, lebenslang auf Demo-Outfitters-Ausrüstung",
        body: `Jedes Produkt hat 2 Jahre Garantie auf Herstellungsfehler. Unsere Eigenmarken haben lebenslange Garantie auf Material und Verarbeitung.

## Was abgedeckt ist

Kaputte Reißverschlüsse, aufgehende Nähte, sich lösende Sohlen. Nicht abgedeckt sind normale Abnutzung, Unfälle und unsachgemäßer Gebrauch.

## So melden Sie einen Garantiefall

Schicken Sie uns Ihre Bestellnummer, eine Beschreibung des Fehlers und Fotos. Wir antworten innerhalb von 3 Werktagen.`,
      },
    ],
  },
  {
    slug: "repairs",
    category: "returns",
    title: "Repairs service",
    tags: ["repair", "zip", "patch"],
    body: `Our repair workshop in Rotterdam fixes outdoor gear of any brand, so it lasts longer.

## Prices

- Replace a jacket or sleeping bag zip: from €35
- Patch a tear in a jacket or tent: from €15
- Re-sole hiking boots (Vibram): €79
- Replace a tent pole section: €12

Repairs under warranty are free.

## How to send something for repair

Fill in the repair form on our website; we email you a prepaid label (€6.95, refunded if the repair is under warranty). Repairs take 2–3 weeks. You can also drop items at any of our stores.`,
  },
  // ---- Payments, gift cards & discounts --------------------------------------------------------------------
  {
    slug: "payment-methods",
    category: "payments",
    title: "Payment methods",
    tags: ["payment", "paypal", "klarna", "card"],
    body: `We accept Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, iDEAL, Bancontact, Swish and Klarna.

## Pay later with Klarna

Choose Klarna at checkout to pay in 30 days or in 3 interest-free instalments. Klarna runs its own credit check.

## Bank transfer

Orders over €500 can be paid by bank transfer; we ship once the money arrives (1–2 working days).

## Currency

All prices are in euros. If your card is in another currency, your bank converts the amount and may charge a fee.`,
    translations: [
      {
        locale: "es",
        title: "Formas de pago",
        body: `Aceptamos Visa, Mastercard, American Express, PayPal, Apple Pay, Google Pay, iDEAL, Bancontact y Klarna. No aceptamos Bizum ni contra reembolso.

## Pagar más tarde con Klarna

Elige Klarna al pagar para pagar en 30 días o en 3 plazos sin intereses.

## Transferencia bancaria

Los pedidos de más de 500 € se pueden pagar por transferencia; enviamos cuando llega el dinero (1–2 días laborables).

## Moneda

Todos los precios están en euros.`,
      },
    ],
  },
  {
    slug: "payment-declined",
    category: "payments",
    title: "My payment failed or was declined",
    tags: ["payment failed", "declined", "card"],
    body: `When a payment fails, no order is created and nothing is charged, although your bank may show a temporary hold for a few days.

## Common reasons

- The card's 3-D Secure check in your banking app wasn't confirmed within 5 minutes.
- The billing address doesn't match the one your bank has.
- The card's online or daily spending limit was reached.

## What to try

Try again and approve the payment in your banking app, use another card, or choose PayPal or Klarna. If it keeps failing, your bank can tell you why it declined: we don't see the reason.`,
  },
  {
    slug: "charged-twice",
    category: "payments",
    title: "I was charged twice",
    tags: ["double charge", "charged twice", "billing"],
    body: `If you see two payments for one order, usually one is a **pending authorisation** from a failed first attempt, not a real charge.

## Pending authorisations

Your bank releases a pending amount automatically within 7 working days (some banks take up to 10). It never becomes a charge unless an order was created.

## Two real charges

If both payments show as completed, or you have two order confirmation emails, contact us with the order number(s) and the last 4 digits of the card. We refund a duplicate charge the same working day, and cancel the duplicate order if it hasn't shipped.`,
    translations: [
      {
        locale: "es",
        title: "Me han cobrado dos veces",
        body: `Si ves dos pagos para un mismo pedido, normalmente uno es una **autorización pendiente** de un primer intento fallido, no un cobro real.

## Autorizaciones pendientes

Tu banco libera el importe pendiente automáticamente en 7 días laborables (algunos bancos tardan hasta 10). Nunca se convierte en cobro si no se creó un pedido.

## Dos cobros reales

Si los dos pagos aparecen como completados, o tienes dos correos de confirmación, escríbenos con el número de pedido y los 4 últimos dígitos de la tarjeta. Devolvemos el cobro duplicado el mismo día laborable.`,
      },
    ],
  },
  {
    slug: "gift-cards",
    category: "payments",
    title: "Gift cards",
    tags: ["gift card", "voucher", "balance"],
    body: `Demo Outfitters gift cards come as an email or a printed card, from €10 to €500.

## Using a gift card

Enter the 16-digit code and PIN at checkout, or show the card in a store. You can combine a gift card with another payment method, and use up to 3 gift cards on one order.

## Balance and expiry

Gift cards are valid for 3 years from purchase. Check the balance on our gift card page with the code and PIN. What you don't spend stays on the card.

## Lost gift cards

An e-gift card can be resent to the same email address. A printed card is like cash: we can only replace it if you have the purchase receipt with its code.`,
  },
  {
    slug: "discount-codes",
    category: "payments",
    title: "Discount codes",
    tags: ["discount", "promo code", "voucher", "coupon"],
    body: `Enter a discount code in the basket under **Add a discount code**.

## Why a code doesn't work

- It has expired: every code has an end date in the email or ad that announced it.
- The basket doesn't reach the minimum spend.
- It excludes sale items, gift cards or some brands.
- Only one code can be used per order.

## Forgot to use a code?

If you placed an order in the last 14 days and forgot a valid code, contact us with the order number and the code and we'll refund the difference.`,
  },
  {
    slug: "student-discount",
    category: "payments",
    title: "Student and youth discount",
    tags: ["student", "discount", "youth"],
    body: `Students and anyone under 26 get 10% off full-price items, online and in stores.

## How to get it

Verify your status once with your student email or ID through our student page (it takes 2 minutes). You then receive a personal code that works for 12 months. In stores, show a valid student card or ID at the till.

## Conditions

The discount can't be combined with other codes or used on sale items or gift cards.`,
  },
  {
    slug: "price-match",
    category: "payments",
    title: "Price match promise",
    tags: ["price match", "cheaper"],
    body: `Found the same product cheaper at another shop in the EU? We match the price.

## Conditions

- Same product, colour and size, in stock at the other shop.
- The shop is a registered retailer that ships to your country (not a marketplace seller or an auction).
- The price includes shipping costs.

## How to ask

Before you order, send us a link to the other offer in chat. Within 14 days after your order, we refund the difference if the price drops on our own site or another shop's.`,
  },
  {
    slug: "loyalty-programme",
    category: "payments",
    title: "Trail Points loyalty programme",
    tags: ["loyalty", "points", "rewards", "membership"],
    body: `Join Trail Points for free in **My account** and earn 1 point for every euro you spend.

## Rewards

- 200 points = a €10 voucher.
- Gold members (over €750 spent in a year) get free express delivery and 60-day returns.

## When points appear

Points are added 30 days after delivery, once the return window has closed. Points expire after 24 months without a purchase. Returned items lose their points.`,
  },
  // ---- Sizing & product care -------------------------------------------------------------------------------
  {
    slug: "boot-size-guide",
    category: "products",
    title: "Hiking boot size guide",
    tags: ["size", "boots", "fit"],
    body: `Hiking boots should fit a little longer than your everyday shoes, to leave room for thick socks and swelling feet on descents.

## Measure your foot

Stand on a sheet of paper in the evening, wearing hiking socks, and mark your heel and longest toe. Add 1–1.5 cm to that length and pick the size in the table on the product page.

## Between two sizes

Go for the larger size. Ridge boots run small: most people take half a size up from their trainers.

## Width

Our Ridge boots come in regular and wide (marked W). If the ball of your foot feels pinched, choose wide.`,
    translations: [
      {
        locale: "es",
        title: "Guía de tallas de botas de montaña",
        body: `Las botas de montaña deben quedar un poco más largas que tu calzado diario, para dejar sitio a calcetines gruesos y a los pies hinchados en las bajadas.

## Mide tu pie

Por la tarde, con calcetines de montaña, ponte sobre un papel y marca el talón y el dedo más largo. Suma 1–1,5 cm y elige la talla en la tabla de la página del producto.

## Entre dos tallas

Elige la mayor. Las botas Ridge tallan pequeño: la mayoría coge media talla más que en sus zapatillas.`,
      },
    ],
  },
  {
    slug: "jacket-size-guide",
    category: "products",
    title: "Jacket size guide",
    tags: ["size", "jacket", "fit"],
    body: `Measure your chest at its widest point, under the arms, and compare it to the size table on the product page.

## Layering

Shell jackets like the Storm are cut to fit over a fleece or a thin down jacket. If you're between sizes and want to layer, size up. Insulated jackets are cut closer to the body.

## Women's and men's fits

Women's fits are shorter in the body, narrower in the shoulders and wider at the hips. Sleeve length is on every product page.`,
  },
  {
    slug: "waterproofing-care",
    category: "products",
    title: "Wash and re-waterproof a rain jacket",
    tags: ["waterproofing", "care", "jacket", "washing", "dwr"],
    body: `Water that soaks into the outer fabric (wetting out) means the water-repellent finish (DWR) needs refreshing, not that the jacket leaks.

## Washing

Close the zips, wash at 30 °C with a technical wash (no fabric softener, no regular detergent), and rinse twice.

## Reproofing

Tumble dry on low for 20 minutes: the heat reactivates the finish. If water still doesn't bead, apply a spray-on proofer to the outside and tumble dry again.

## How often

Wash a jacket every 10–15 days of use, or whenever it looks dirty. Dirt and skin oils are what stop it breathing.`,
  },
  {
    slug: "down-jacket-care",
    category: "products",
    title: "Washing a down jacket or sleeping bag",
    tags: ["down", "washing", "care", "sleeping bag"],
    body: `Down can be washed at home, carefully, once or twice a season.

## Washing

Use a front-loading machine (no agitator), a down wash, 30 °C on a gentle cycle and an extra rinse.

## Drying

Tumble dry on low with 2–3 clean tennis balls to break up the clumps. It takes 2–3 hours; keep going until no clumps are left, or the down can go mouldy. Never dry down on a radiator.

## Storage

Store sleeping bags and jackets loose in the large cotton bag they came with, not in the stuff sack.`,
  },
  {
    slug: "tent-care",
    category: "products",
    title: "Tent care, pitching and storage",
    tags: ["tent", "care", "pitching", "mould"],
    body: `Pitch a new tent once at home before your trip, to learn it and check every part is there.

## After a trip

Never store a tent wet: dry it fully within 24 hours, even if you only packed it damp, or mould will stain the fabric and damage the coating. Brush off sand and dirt.

## Cleaning

Sponge with lukewarm water and a little mild soap. Don't put a tent in a washing machine.

## Poles and zips

Wipe poles after salty or sandy trips and let them dry assembled. A broken pole section can be replaced (see *Repairs service*).`,
  },
  {
    slug: "stove-safety",
    category: "products",
    title: "Camping stove safety",
    tags: ["stove", "safety", "gas", "carbon monoxide"],
    body: `Gas stoves are safe when used as the instructions say. Read them before the first use.

## Never cook inside a tent

A stove in a closed tent or vestibule can produce carbon monoxide, which you can't smell, and can set the tent on fire. Cook outside, at least 1 metre from the tent.

## Checking for leaks

Screw the canister on hand-tight. If you smell gas or hear hissing, unscrew it outdoors and check the rubber seal. Don't use a stove with a damaged seal.

## If something goes wrong

If you feel headache, dizziness or nausea while cooking, get into fresh air immediately. In an emergency call 112.`,
  },
  {
    slug: "stove-cold-altitude",
    category: "products",
    title: "Stoves in cold weather and at altitude",
    tags: ["stove", "altitude", "cold", "gas"],
    body: `A stove that sputters or won't stay lit in the cold is almost always a gas problem, not a faulty stove.

## Why

Standard butane stops vaporising close to 0 °C. An isobutane-propane canister (our Alpine Gas 4-season) keeps working down to about −15 °C.

## Tips

- Keep the canister warm in your jacket or sleeping bag before cooking.
- Use a windshield, but never wrap it fully around the canister.
- Above 3,000 m, expect boiling to take longer and use a bit more gas.`,
  },
  {
    slug: "sleeping-bag-temperature-ratings",
    category: "products",
    title: "Sleeping bag temperature ratings",
    tags: ["sleeping bag", "temperature", "comfort rating"],
    body: `Our sleeping bags are tested to the ISO 23537 standard, which gives three temperatures.

## Comfort, limit and extreme

- **Comfort**: the lowest temperature at which a person who sleeps cold is comfortable.
- **Limit**: the lowest temperature at which a person who sleeps warm sleeps curled up for 8 hours.
- **Extreme**: a survival rating only. Never choose a bag by it.

## Choosing

Pick a bag whose comfort rating is at least as low as the coldest night you expect. A good sleeping mat matters as much as the bag.`,
  },
  {
    slug: "backpack-fitting",
    category: "stores",
    title: "Free backpack fitting",
    tags: ["backpack", "fitting", "store"],
    body: `Every store offers a free 20-minute backpack fitting.

## What we do

We measure your back length, adjust the harness and hip belt, and load the pack with weights so you can walk around the store with it.

## Booking

Walk in, or book a time online to skip the wait on Saturdays. If the pack you want isn't in stock in your size, we order it to the store for free.`,
  },
  // ---- Your account & privacy ------------------------------------------------------------------------------
  {
    slug: "reset-password",
    category: "account",
    title: "Reset your password or unlock your account",
    tags: ["password", "login", "account", "sign in"],
    body: `Select **Forgot password?** on the sign-in page and enter your email address. We send a reset link that works for 1 hour.

## No reset email?

Check your spam folder, and make sure you use the address you registered with. If you always ordered as a guest, you don't have an account yet: create one with the same email and your past orders appear in it.

## Locked out

After 5 wrong passwords the account is locked for 30 minutes. Resetting your password unlocks it straight away.`,
  },
  {
    slug: "account-details",
    category: "account",
    title: "Change your email address, name or saved addresses",
    tags: ["account", "email", "address book", "profile"],
    body: `Everything about your account is under **My account → Details**.

## Change your email address

Enter the new address and your password. We send a confirmation link to the new address; the change happens when you click it. Order emails for orders already placed still go to the old address.

## Saved addresses and cards

Add, edit or delete delivery addresses under **Address book**. Saved cards are stored by our payment provider, not by us; delete them under **Payment methods**.`,
  },
  {
    slug: "privacy-and-data-deletion",
    category: "account",
    title: "Your data and privacy: download or delete your account",
    tags: ["privacy", "gdpr", "data", "delete account"],
    body: `We keep only the data we need to deliver your orders and run your account, and we never sell it.

## Download your data

In **My account → Privacy**, select **Download my data** to receive a copy of everything we hold about you within 48 hours.

## Delete your account

Select **Delete my account** in the same place. We erase your profile, addresses and wish lists within 30 days. By law we must keep invoices for 7 years, but they are no longer linked to a login.

## Questions

Write to our data protection officer at privacy@demo-outfitters.example.`,
  },
  {
    slug: "newsletter",
    category: "account",
    title: "Newsletter and marketing emails",
    tags: ["newsletter", "email", "unsubscribe"],
    body: `Sign up to the newsletter at the bottom of any page and get 10% off your next order.

## Unsubscribe

Every newsletter has an **Unsubscribe** link at the bottom; it takes effect within 24 hours. You can also switch off marketing emails in **My account → Preferences**. You will still receive emails about your orders.

## How often

Usually one email a week, more during sales.`,
  },
  // ---- Stores & services -----------------------------------------------------------------------------------
  {
    slug: "store-locations-and-hours",
    category: "stores",
    title: "Store locations and opening hours",
    tags: ["stores", "opening hours", "address", "shop"],
    body: `We have four stores. All of them have a repair drop-off point, backpack fitting and click & collect.

## Addresses

- **Stockholm**: Götgatan 48, 118 26 Stockholm
- **Berlin**: Torstraße 112, 10119 Berlin
- **Barcelona**: Carrer de Pelai 21, 08001 Barcelona
- **Rotterdam** (next to our warehouse): Witte de Withstraat 60, 3012 BR Rotterdam

## Opening hours

Monday to Friday 10:00–19:00, Saturday 10:00–18:00, Sunday 12:00–17:00 (Barcelona: closed on Sundays). Stores close at 15:00 on 24 and 31 December and are closed on public holidays.`,
    translations: [
      {
        locale: "es",
        title: "Tiendas y horarios",
        body: `Tenemos cuatro tiendas, todas con recogida de reparaciones, ajuste de mochilas y click & collect.

## Direcciones

- **Barcelona**: Carrer de Pelai 21, 08001 Barcelona
- **Estocolmo**: Götgatan 48, 118 26 Estocolmo
- **Berlín**: Torstraße 112, 10119 Berlín
- **Róterdam**: Witte de Withstraat 60, 3012 BR Róterdam

## Horario

De lunes a viernes de 10:00 a 19:00, sábados de 10:00 a 18:00 y domingos de 12:00 a 17:00 (Barcelona cierra los domingos). Cerramos los festivos y a las 15:00 el 24 y el 31 de diciembre.`,
      },
    ],
  },
  {
    slug: "click-and-collect",
    category: "stores",
    title: "Click & collect",
    tags: ["click and collect", "pickup", "store"],
    body: `Order online and pick up for free at any of our stores.

## When is it ready?

If the item is in stock at the store, it's ready within 2 hours (we email you). If it comes from our warehouse, it's ready in 2–4 working days.

## Picking up

Bring the order confirmation email and a photo ID. Someone else can collect for you with the confirmation email and their own ID. We keep orders for 10 days; after that we cancel them and refund you.`,
  },
  {
    slug: "gear-rentals",
    category: "stores",
    title: "Rent tents, sleeping bags and more",
    tags: ["rental", "hire", "rent"],
    body: `Try before you buy, or kit out a one-off trip: our Stockholm, Berlin and Rotterdam stores rent gear.

## Prices per weekend (Friday to Monday)

- Summit 2 tent: €35
- Nightfall sleeping bag: €20
- Alpine stove with a gas canister: €12
- 45 L backpack: €15

Each extra day costs a third of the weekend price.

## How it works

Book online at least 3 days ahead and pick up in store with a photo ID; we take a €100 deposit on a card. Clean, dry returns get the full deposit back. If you buy the same product within 30 days, we deduct the rental fee.`,
  },
  // ---- Agents only -----------------------------------------------------------------------------------------
  {
    slug: "refund-approval-limits",
    category: "returns",
    title: "Agent procedure: refund and goodwill approval limits",
    tags: ["agents", "refund", "goodwill"],
    internal: true,
    body: `For agents only.

## Limits

- Agents may refund or give goodwill credit up to €150 per order without approval.
- Between €150 and €500, a supervisor approves in the admin panel.
- Over €500, the head of customer service approves.

## Goodwill gestures

Offer a 15% code (GOODWILL15) for a late delivery, free express shipping for a damaged item. Never promise a refund before the return scan unless the customer is a Gold member.`,
  },
  {
    slug: "fraud-check-procedure",
    category: "payments",
    title: "Agent procedure: orders held for a fraud check",
    tags: ["agents", "fraud", "payment"],
    internal: true,
    body: `For agents only.

## When an order is held

Orders over €800 to a new address, or with a mismatched billing country, are held for review. Don't tell the customer the exact rules.

## What to do

Ask the customer to confirm the last 4 digits of the card and the billing postcode, then release the order in the payments dashboard. If in doubt, escalate to the payments team; never release an order flagged by the bank.`,
  },
];

/**
 * Fills the demo workspace's help center with Demo Outfitters' articles, published, and their translations.
 * Runs again safely: categories and articles that already exist (by slug and locale) are left as they are.
 */
export async function seedDemoKnowledgeBase(ctx: ServiceContext): Promise<void> {
  const categoryIds = new Map((await listCategories(ctx, "en")).map((category) => [category.slug, category.id]));
  for (const [position, category] of CATEGORIES.entries()) {
    if (!categoryIds.has(category.slug)) categoryIds.set(category.slug, (await createCategory(ctx, { ...category, locale: "en", position })).id);
  }
  const existing = new Map((await listArticles(ctx)).map((article) => [`${article.locale}/${article.slug}`, article.id]));
  for (const demo of DEMO_ARTICLES) {
    let articleId = existing.get(`en/${demo.slug}`);
    if (articleId === undefined) {
      const created = await createArticle(ctx, {
        title: demo.title,
        bodyMarkdown: demo.body,
        locale: "en",
        slug: demo.slug,
        categoryId: categoryIds.get(demo.category),
        internal: demo.internal ?? false,
        tags: demo.tags,
      });
      await setArticleStatus(ctx, created.id, "published");
      articleId = created.id;
    }
    for (const translation of demo.translations ?? []) {
      if (existing.has(`${translation.locale}/${demo.slug}`)) continue;
      const created = await createTranslation(ctx, articleId, { title: translation.title, bodyMarkdown: translation.body, locale: translation.locale, slug: demo.slug });
      await setArticleStatus(ctx, created.id, "published");
    }
  }
}
