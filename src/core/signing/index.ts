export { type BaiduCredentials, type BaiduSignOptions, signBaiduRequest } from './baidu-bce-auth-v1.ts';
export { type HuaweiCredentials, type HuaweiSignOptions, signHuaweiRequest } from './huawei-hmac-sha256.ts';
