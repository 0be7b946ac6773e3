// The master-data collections the master-data page edits: their REST path, key, list columns and form
// fields. Field names are the API's, so a 400 problem's errors[].field finds its input.
import { el } from '../dom.js';
import { qty } from '../format.js';

const money = (v) => (v && v.amount != null ? `${v.amount} ${v.currency || ''}`.trim() : null);
const flag = (v) => el('span', { i18n: v ? 'md.yes' : 'md.no', class: v ? 'yes' : 'no' });
const contact = ['contact', 'phone', 'email', 'address'];

export const resources = {
  products: {
    path: '/api/v1/products', key: 'sku', title: 'md.products.title', permission: 'products',
    columns: [{ key: 'sku', label: 'col.sku' }, { key: 'name', label: 'col.name' }, { key: 'unit', label: 'col.unit' },
      { key: 'gtin', label: 'md.f.gtin' }, { key: 'category', label: 'md.f.category' },
      { key: 'minStock', label: 'md.f.minStock', num: true, format: (v) => (v == null ? null : qty(v)) },
      { key: 'maxStock', label: 'md.f.maxStock', num: true, format: (v) => (v == null ? null : qty(v)) },
      { key: 'active', label: 'md.f.active', format: flag }],
    fields: [{ name: 'sku', label: 'col.sku', required: true, key: true }, { name: 'name', label: 'col.name', required: true },
      { name: 'unit', label: 'col.unit', required: true }, { name: 'spec', label: 'md.f.spec' }, { name: 'model', label: 'md.f.model' },
      { name: 'gtin', label: 'md.f.gtin' }, { name: 'companyPrefixLength', label: 'md.f.companyPrefixLength', type: 'number' },
      { name: 'barcodes', label: 'md.f.barcodes', csvList: true }, { name: 'unitWeightGrams', label: 'md.f.unitWeightGrams', type: 'number', step: 'any' },
      { name: 'category', label: 'md.f.category' }, { name: 'purchasePrice', label: 'md.f.purchasePrice', money: true },
      { name: 'salePrice', label: 'md.f.salePrice', money: true },
      { name: 'minStock', label: 'md.f.minStock', type: 'number', step: 'any' }, { name: 'maxStock', label: 'md.f.maxStock', type: 'number', step: 'any' },
      { name: 'trackLot', label: 'md.f.trackLot', type: 'checkbox' }, { name: 'trackExpiry', label: 'md.f.trackExpiry', type: 'checkbox' },
      { name: 'trackSerial', label: 'md.f.trackSerial', type: 'checkbox' }, { name: 'active', label: 'md.f.active', type: 'checkbox', initial: true }],
  },
  customers: {
    path: '/api/v1/customers', key: 'code', title: 'md.customers.title', permission: 'customers',
    columns: [{ key: 'code', label: 'md.f.code' }, { key: 'name', label: 'col.name' }, { key: 'contact', label: 'md.f.contact' },
      { key: 'phone', label: 'md.f.phone' }, { key: 'email', label: 'md.f.email' },
      { key: 'creditLimit', label: 'md.f.creditLimit', num: true, format: money }, { key: 'rating', label: 'md.f.rating', num: true },
      { key: 'active', label: 'md.f.active', format: flag }],
    fields: [{ name: 'code', label: 'md.f.code', required: true, key: true }, { name: 'name', label: 'col.name', required: true },
      ...contact.map((name) => ({ name, label: 'md.f.' + name })), { name: 'creditLimit', label: 'md.f.creditLimit', money: true },
      { name: 'rating', label: 'md.f.rating', type: 'number' }, { name: 'active', label: 'md.f.active', type: 'checkbox', initial: true }],
  },
  suppliers: {
    path: '/api/v1/suppliers', key: 'code', title: 'md.suppliers.title', permission: 'suppliers',
    columns: [{ key: 'code', label: 'md.f.code' }, { key: 'name', label: 'col.name' }, { key: 'contact', label: 'md.f.contact' },
      { key: 'phone', label: 'md.f.phone' }, { key: 'email', label: 'md.f.email' },
      { key: 'leadTimeDays', label: 'md.f.leadTimeDays', num: true }, { key: 'rating', label: 'md.f.rating', num: true },
      { key: 'active', label: 'md.f.active', format: flag }],
    fields: [{ name: 'code', label: 'md.f.code', required: true, key: true }, { name: 'name', label: 'col.name', required: true },
      ...contact.map((name) => ({ name, label: 'md.f.' + name })), { name: 'leadTimeDays', label: 'md.f.leadTimeDays', type: 'number' },
      { name: 'rating', label: 'md.f.rating', type: 'number' }, { name: 'active', label: 'md.f.active', type: 'checkbox', initial: true }],
  },
};
