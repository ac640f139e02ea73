/**
 * The languages of the product and what every screen shares to read and write in them: English and Russian
 * ({@link com.giftcardimport.i18n.Languages}), amounts typed in the user's locale and never guessed
 * ({@link com.giftcardimport.i18n.LocalizedAmount}, {@link com.giftcardimport.i18n.AmountField}), and numbers,
 * amounts, dates and times as the locale writes them ({@link com.giftcardimport.i18n.Formats}). A leaf module: it
 * depends on no other module, so that every module, the shell and security included, may use it.
 */
package com.giftcardimport.i18n;
